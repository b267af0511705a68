/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * nolibc %f %e %g: rounding (ties to even on the exact binary value),
 * carries into a new digit, the %g style switch, flags, inf and nan, and
 * long exact expansions. Expected strings are glibc's for the same calls.
 */
#include <stdio.h>
#include <string.h>
#include <uk/test.h>

#define EXPECT_FMT(want, ...)                                              \
	do {                                                               \
		char __buf[400];                                           \
		int __n = snprintf(__buf, sizeof(__buf), __VA_ARGS__);     \
		UK_TEST_EXPECT_STR_EQ(__buf, want);                        \
		UK_TEST_EXPECT_INT_EQ(__n, strlen(want));                  \
	} while (0)

#define INF __builtin_inf()
#define NAN __builtin_nan("")
#define DBL_MAX __DBL_MAX__
#define DBL_MIN __DBL_MIN__
#define DBL_TRUE_MIN __DBL_DENORM_MIN__

UK_TESTCASE(nolibc, printf_f_basic)
{
	EXPECT_FMT("1.500000", "%f", 1.5);
	EXPECT_FMT("3.14", "%.2f", 3.14159);
	EXPECT_FMT("-0.000000", "%f", -0.0);
	EXPECT_FMT("0.000000", "%f", 0.0);
	EXPECT_FMT("100000000000000000000.000000", "%f", 1e20);
	EXPECT_FMT("0.000000000100", "%.12f", 1e-10);
	EXPECT_FMT("0.000", "%.3f", DBL_MIN);
	EXPECT_FMT("123", "%.0f", 123.0);
	EXPECT_FMT("1.500000", "%Lf", 1.5L);
}

UK_TESTCASE(nolibc, printf_f_rounding)
{
	/* Ties go to even; 0.35 and 9.995 are just below their ties. */
	EXPECT_FMT("0 2 2", "%.0f %.0f %.0f", 0.5, 1.5, 2.5);
	EXPECT_FMT("1000 1000", "%.0f %.0f", 999.5, 1000.5);
	EXPECT_FMT("0.2 0.3", "%.1f %.1f", 0.25, 0.35);
	EXPECT_FMT("1.000", "%.3f", 1.0005);
	EXPECT_FMT("9.99", "%.2f", 9.995);
	/* Carry through all the digits into a new one. */
	EXPECT_FMT("1.000", "%.3f", 0.9999);
	EXPECT_FMT("10.0", "%.1f", 9.96);
	EXPECT_FMT("0", "%.0f", 0.49999999999999994);
}

UK_TESTCASE(nolibc, printf_f_exact)
{
	EXPECT_FMT("0.10000000000000000555", "%.20f", 0.1);
	EXPECT_FMT("0.333333333333333314829616256247390992939472198486328125"
		   "000000", "%.60f", 1.0 / 3);
	EXPECT_FMT("17976931348623157081452742373170435679807056752584499659"
		   "89174768031572607800285387605895586327668781715404589535"
		   "14382464234321326889464182768467546703537516986049910576"
		   "55128207624549009038932894407586850845513394230458323690"
		   "32229481658085593321233482747978262041447231687381771809"
		   "19299881250404026184124858368.000000", "%f", DBL_MAX);
}

UK_TESTCASE(nolibc, printf_f_smallest)
{
	char buf[1100];
	int n;

	/* 2^-1074 has 751 significant digits, starting at the 324th. */
	n = snprintf(buf, sizeof(buf), "%.1074f", DBL_TRUE_MIN);
	UK_TEST_EXPECT_INT_EQ(n, 1076);
	UK_TEST_EXPECT_MEM_EQ(buf, "0.000000", 8);
	UK_TEST_EXPECT_MEM_EQ(buf + 325, "4940656458412465441765687928682213",
			      34);
	UK_TEST_EXPECT_STR_EQ(buf + 1066, "3447265625");
	UK_TEST_EXPECT_INT_EQ(buf[324], '0');
}

UK_TESTCASE(nolibc, printf_e)
{
	EXPECT_FMT("1.234568e+04 1.234568E+04", "%e %E", 12345.678,
		   12345.678);
	EXPECT_FMT("0.000000e+00", "%e", 0.0);
	EXPECT_FMT("-0.000000e+00", "%e", -0.0);
	EXPECT_FMT("1.000000e+100", "%e", 1e100);
	EXPECT_FMT("5e-324", "%.0e", DBL_TRUE_MIN);
	EXPECT_FMT("9.999e+00", "%.3e", 9.9995);
	EXPECT_FMT("1.00e+01", "%.2e", 9.999);
	EXPECT_FMT("-1.5000e-07", "%10.4e", -1.5e-7);
	EXPECT_FMT("+1.000000e+00", "%+e", 1.0);
	EXPECT_FMT("0000002.500e+00", "%015.3e", 2.5);
	EXPECT_FMT("1.797693e+308", "%e", DBL_MAX);
	EXPECT_FMT("2.225074e-308", "%e", DBL_MIN);
}

UK_TESTCASE(nolibc, printf_g)
{
	EXPECT_FMT("100000 1e+06", "%g %g", 100000.0, 1e6);
	EXPECT_FMT("0.0001 1e-05", "%g %g", 0.0001, 0.00001);
	EXPECT_FMT("1.23457e+08", "%g", 123456789.0);
	EXPECT_FMT("0 -0", "%g %g", 0.0, -0.0);
	EXPECT_FMT("1e+02", "%.0g", 123.0);
	EXPECT_FMT("1E-10 1E+300", "%G %G", 1e-10, 1e300);
	EXPECT_FMT("0.1 0.10000000000000001", "%.10g %.17g", 0.1, 0.1);
	EXPECT_FMT("0.3", "%.15g", 0.1 + 0.2);
	EXPECT_FMT("1e+03 1e+06", "%.3g %g", 999.9, 999999.5);
	EXPECT_FMT("0.9 0.095", "%.1g %.2g", 0.95, 0.095);
	EXPECT_FMT("4.94066e-324 1.79769e+308", "%g %g", DBL_TRUE_MIN,
		   DBL_MAX);
	EXPECT_FMT("      3.1415927|3.1415927      |", "%15.8g|%-15.8g|",
		   3.141592653589793, 3.141592653589793);
	/* '#' keeps the trailing zeros and the point. */
	EXPECT_FMT("1.00000 1.00 0.00000", "%#g %#.3g %#g", 1.0, 1.0, 0.0);
	EXPECT_FMT("2.5 1.5e-07", "%g %g", 2.5, 1.5e-7);
}

UK_TESTCASE(nolibc, printf_fp_flags)
{
	EXPECT_FMT("+1.00  1.00", "%+.2f % .2f", 1.0, 1.0);
	EXPECT_FMT("-00003.142", "%010.3f", -3.14159);
	EXPECT_FMT("3.14      |", "%-10.2f|", 3.14159);
	EXPECT_FMT("3. 3.e+00", "%#.0f %#.0e", 3.0, 3.0);
	EXPECT_FMT("  1.5", "%*.*f", 5, 1, 1.5);
}

UK_TESTCASE(nolibc, printf_inf_nan)
{
	EXPECT_FMT("inf INF -inf", "%f %F %f", INF, INF, -INF);
	EXPECT_FMT("inf INF", "%e %G", INF, INF);
	EXPECT_FMT("  nan nan NAN", "%5.1f %e %E", NAN, NAN, NAN);
	EXPECT_FMT("-nan", "%f", -NAN);
	/* '0' does not apply; '+' and '-' do. */
	EXPECT_FMT("inf   |   inf|+inf", "%-6f|%06f|%+f", INF, INF, INF);
}
