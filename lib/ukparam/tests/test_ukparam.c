/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukparam's cases: one or more per API function, bad input included. The
 * parameters below exist only in test images (they show in their "help");
 * each case puts back the defaults it changed.
 */
#include <errno.h>
#include <string.h>
#include <uk/param.h>
#include <uk/test.h>

UK_PARAM_BOOL(ukparamtest, flag, false, "test: a boolean");
UK_PARAM_INT(ukparamtest, num, 3, -5, 10, "test: an int from -5 to 10");
UK_PARAM_SIZE(ukparamtest, sz, 4096, 512, 1ULL << 30, "test: 512..1G");
UK_PARAM_STR(ukparamtest, str, "dflt", "test: a string");
UK_PARAM_STRLIST(ukparamtest, list, 3, "test: up to 3 strings");

#define P(name) uk_param_find("ukparamtest." #name)

static void reset_all(void)
{
	uk_param_reset(P(flag));
	uk_param_reset(P(num));
	uk_param_reset(P(sz));
	uk_param_reset(P(str));
	uk_param_reset(P(list));
}

UK_TESTCASE(ukparam, find)
{
	const struct uk_param *p = P(num);

	UK_TEST_ASSERT_NOT_NULL(p);
	UK_TEST_EXPECT_STR_EQ(p->name, "ukparamtest.num");
	UK_TEST_EXPECT_INT_EQ(p->type, UK_PARAM_T_INT);
	UK_TEST_EXPECT_PTR_EQ(p->var, &UK_PARAM(ukparamtest, num));
	/* Whole names only: no prefix, no longer name, no empty name. */
	UK_TEST_EXPECT_NULL(uk_param_find("ukparamtest.nu"));
	UK_TEST_EXPECT_NULL(uk_param_find("ukparamtest.numx"));
	UK_TEST_EXPECT_NULL(uk_param_find("ukparamtest"));
	UK_TEST_EXPECT_NULL(uk_param_find(""));
}

UK_TESTCASE(ukparam, defaults)
{
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, flag), false);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, num), 3);
	UK_TEST_EXPECT_UINT_EQ(UK_PARAM(ukparamtest, sz), 4096);
	UK_TEST_EXPECT_STR_EQ(UK_PARAM(ukparamtest, str), "dflt");
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, list).count, 0);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, list).max, 3);
}

UK_TESTCASE(ukparam, set_bool)
{
	const struct uk_param *p = P(flag);

	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, NULL), 0);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, flag), true);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "off"), 0);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, flag), false);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "YES"), 0);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, flag), true);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "0"), 0);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, flag), false);
	/* before: false; a bad value leaves it so */
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "2"), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, ""), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "yess"), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, flag), false);
	reset_all();
}

UK_TESTCASE(ukparam, set_int)
{
	const struct uk_param *p = P(num);

	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "10"), 0);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, num), 10);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "-5"), 0);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, num), -5);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "0x7"), 0);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, num), 7);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "+1"), 0);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, num), 1);
	/* before: 1; each bad value leaves it so */
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "11"), -ERANGE);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "-6"), -ERANGE);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "99999999999999999999"), -ERANGE);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "-9223372036854775808"), -ERANGE);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "abc"), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "3x"), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, ""), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "-"), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "0x"), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, " 3"), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, NULL), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, num), 1);
	reset_all();
}

UK_TESTCASE(ukparam, set_size)
{
	const struct uk_param *p = P(sz);

	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "512"), 0);
	UK_TEST_EXPECT_UINT_EQ(UK_PARAM(ukparamtest, sz), 512);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "64k"), 0);
	UK_TEST_EXPECT_UINT_EQ(UK_PARAM(ukparamtest, sz), 64 << 10);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "1G"), 0);
	UK_TEST_EXPECT_UINT_EQ(UK_PARAM(ukparamtest, sz), 1ULL << 30);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "0x10M"), 0);
	UK_TEST_EXPECT_UINT_EQ(UK_PARAM(ukparamtest, sz), 16 << 20);
	/* before: 16M; each bad value leaves it so */
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "511"), -ERANGE);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "2G"), -ERANGE);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "64KB"), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "64T"), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "M"), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "-1K"), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, NULL), -EINVAL);
	UK_TEST_EXPECT_UINT_EQ(UK_PARAM(ukparamtest, sz), 16 << 20);
	reset_all();
}

UK_TESTCASE(ukparam, set_str)
{
	const struct uk_param *p = P(str);

	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "a b='c'"), 0);
	UK_TEST_EXPECT_STR_EQ(UK_PARAM(ukparamtest, str), "a b='c'");
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, ""), 0);
	UK_TEST_EXPECT_STR_EQ(UK_PARAM(ukparamtest, str), "");
	/* A bare name is no string: refused, value kept. */
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, NULL), -EINVAL);
	UK_TEST_EXPECT_STR_EQ(UK_PARAM(ukparamtest, str), "");
	reset_all();
}

UK_TESTCASE(ukparam, set_strlist)
{
	const struct uk_param *p = P(list);
	struct uk_param_strlist *l = &UK_PARAM(ukparamtest, list);
	const char *want[] = { "one", "", "three" }, *v;
	unsigned int i, n = 0;

	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "one"), 0);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, ""), 0);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "three"), 0);
	UK_TEST_EXPECT_INT_EQ(l->count, 3);
	/* full: the fourth is refused and nothing changes */
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, "four"), -ENOSPC);
	UK_TEST_EXPECT_INT_EQ(uk_param_set(p, NULL), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(l->count, 3);
	uk_param_strlist_foreach(l, i, v)
	{
		UK_TEST_EXPECT_STR_EQ(v, want[i]);
		n++;
	}
	UK_TEST_EXPECT_INT_EQ(n, 3);
	reset_all();
	UK_TEST_EXPECT_INT_EQ(l->count, 0);
	uk_param_strlist_foreach(l, i, v) UK_TEST_EXPECT(0);
}

UK_TESTCASE(ukparam, reset)
{
	uk_param_set(P(flag), "1");
	uk_param_set(P(num), "9");
	uk_param_set(P(sz), "1M");
	uk_param_set(P(str), "x");
	uk_param_set(P(list), "x");
	reset_all();
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, flag), false);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, num), 3);
	UK_TEST_EXPECT_UINT_EQ(UK_PARAM(ukparamtest, sz), 4096);
	UK_TEST_EXPECT_STR_EQ(UK_PARAM(ukparamtest, str), "dflt");
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, list).count, 0);
}

UK_TESTCASE(ukparam, form)
{
	char buf[160];
	int n;

	n = uk_param_form(P(num), buf, sizeof(buf));
	UK_TEST_EXPECT_INT_EQ(n, (int)strlen(buf));
	UK_TEST_EXPECT_NOT_NULL(strstr(buf, "integer from -5 to 10"));
	uk_param_form(P(sz), buf, sizeof(buf));
	UK_TEST_EXPECT_NOT_NULL(strstr(buf, "from 512 to 1G"));
	uk_param_form(P(flag), buf, sizeof(buf));
	UK_TEST_EXPECT_NOT_NULL(strstr(buf, "yes, no"));
	uk_param_form(P(list), buf, sizeof(buf));
	UK_TEST_EXPECT_STR_EQ(buf,
			      "ukparamtest.list=<text>, given at most 3 times");
	uk_param_form(P(str), buf, sizeof(buf));
	UK_TEST_EXPECT_STR_EQ(buf, "ukparamtest.str=<text>");
	/* Too small a buffer: cut and terminated, full length returned. */
	n = uk_param_form(P(num), buf, 8);
	UK_TEST_EXPECT_INT_EQ(strlen(buf), 7);
	UK_TEST_EXPECT_INT_GT(n, 8);
}

UK_TESTCASE(ukparam, parse_args)
{
	char *argv[] = {
		"ukparamtest.flag",
		"ukparamtest.num=-2",
		"ukparamtest.sz=8K",
		"ukparamtest.list=a",
		"ukparamtest.str=s1",
		"ukparamtest.nosuch=1",
		"ukparamtest.list=b",
		"ukparamtest.str=s2",
		"x",
	};

	UK_TEST_EXPECT_INT_EQ(uk_param_parse_args(ARRAY_SIZE(argv), argv), 0);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, flag), true);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, num), -2);
	UK_TEST_EXPECT_UINT_EQ(UK_PARAM(ukparamtest, sz), 8192);
	/* The last of a plain parameter wins; a list keeps all, in order. */
	UK_TEST_EXPECT_STR_EQ(UK_PARAM(ukparamtest, str), "s2");
	UK_TEST_ASSERT_INT_EQ(UK_PARAM(ukparamtest, list).count, 2);
	UK_TEST_EXPECT_STR_EQ(UK_PARAM(ukparamtest, list).vals[0], "a");
	UK_TEST_EXPECT_STR_EQ(UK_PARAM(ukparamtest, list).vals[1], "b");
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_args(0, argv), 0);
	reset_all();
}

/* A bad value anywhere: an error, and not even the good ones applied. */
UK_TESTCASE(ukparam, parse_args_bad)
{
	char *range[] = { "ukparamtest.flag", "ukparamtest.num=11" };
	char *notnum[] = { "ukparamtest.str=z", "ukparamtest.num=ten" };
	char *suffix[] = { "ukparamtest.sz=4Q" };
	char *bare[] = { "ukparamtest.num" };
	char *full[] = { "ukparamtest.list=1", "ukparamtest.list=2",
			 "ukparamtest.list=3", "ukparamtest.list=4" };

	UK_TEST_EXPECT_INT_EQ(uk_param_parse_args(2, range), -ERANGE);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_args(2, notnum), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_args(1, suffix), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_args(1, bare), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_args(4, full), -ENOSPC);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, flag), false);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, num), 3);
	UK_TEST_EXPECT_STR_EQ(UK_PARAM(ukparamtest, str), "dflt");
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, list).count, 0);
	/* Exactly full is fine. */
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_args(3, full), 0);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, list).count, 3);
	reset_all();
}

/* "help" anywhere wins: the list is printed, nothing is applied. */
UK_TESTCASE(ukparam, parse_args_help)
{
	char *argv[] = { "ukparamtest.num=4", "uk.help", "ukparamtest.num=x" };
	char *argv2[] = { "help" };

	UK_TEST_EXPECT_INT_EQ(uk_param_parse_args(3, argv), UK_PARAM_HELP);
	UK_TEST_EXPECT_INT_EQ(UK_PARAM(ukparamtest, num), 3);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_args(1, argv2), UK_PARAM_HELP);
}

UK_TESTCASE(ukparam, help)
{
	/* Prints the list; nothing to check but that it returns. */
	uk_param_help();
	UK_TEST_EXPECT_INT_GE(UK_TABLE_COUNT(params), 5);
}

UK_TESTCASE(ukparam, parse_size)
{
	const char *end;
	uint64_t v = 77;

	UK_TEST_EXPECT_INT_EQ(uk_param_parse_size("0", NULL, 0, &v), 0);
	UK_TEST_EXPECT_UINT_EQ(v, 0);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_size("12", NULL, 20, &v), 0);
	UK_TEST_EXPECT_UINT_EQ(v, 12ULL << 20);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_size("12k", NULL, 20, &v), 0);
	UK_TEST_EXPECT_UINT_EQ(v, 12ULL << 10);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_size("3g", NULL, 0, &v), 0);
	UK_TEST_EXPECT_UINT_EQ(v, 3ULL << 30);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_size("0xFfK", NULL, 0, &v), 0);
	UK_TEST_EXPECT_UINT_EQ(v, 255ULL << 10);
	UK_TEST_EXPECT_INT_EQ(
		uk_param_parse_size("18446744073709551615", NULL, 0, &v), 0);
	UK_TEST_EXPECT_UINT_EQ(v, UINT64_MAX);
	/* With an end pointer: stops where the size does. */
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_size("4K@0x1000", &end, 0, &v), 0);
	UK_TEST_EXPECT_UINT_EQ(v, 4096);
	UK_TEST_EXPECT_STR_EQ(end, "@0x1000");
	/* before: 4096; bad input leaves it */
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_size("", NULL, 0, &v), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_size("K", NULL, 0, &v), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_size("0x", NULL, 0, &v), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_size("1KK", NULL, 0, &v), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_size(" 1", NULL, 0, &v), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_size("@", &end, 0, &v), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_size(NULL, NULL, 0, &v), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(
		uk_param_parse_size("18446744073709551616", NULL, 0, &v),
		-ERANGE);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_size("17179869184G", NULL, 0, &v),
			      -ERANGE);
	UK_TEST_EXPECT_INT_EQ(uk_param_parse_size("16777216T", NULL, 0, &v),
			      -EINVAL);
	UK_TEST_EXPECT_UINT_EQ(v, 4096);
}

/* Every parameter of the image: a well-formed, unique name and a help. */
UK_TESTCASE(ukparam, table_well_formed)
{
	const struct uk_param *p, *q;
	const char *c;
	int dots;

	UK_TABLE_FOREACH (p, params) {
		dots = 0;
		for (c = p->name; *c; c++) {
			if (*c == '.')
				dots++;
			else if (!((*c >= 'a' && *c <= 'z') ||
				   (*c >= '0' && *c <= '9') || *c == '_'))
				UK_TEST_EXPECT(!"name has only [a-z0-9_.]");
		}
		UK_TEST_EXPECT_INT_EQ(dots, 1);
		UK_TEST_EXPECT(p->desc && p->desc[0]);
		for (q = p + 1; q < __uk_params_end; q++)
			UK_TEST_EXPECT_STR_NE(p->name, q->name);
	}
}
