/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The uktest runner: walks the test-case table, runs each case, and prints
 * one result line per case plus a summary, in a format the host-side test
 * runner (tests/run) parses (printf writes each line to the console in one
 * piece, so lines from other code never split one):
 *
 *	uktest: fail suite=S case=C at FILE:LINE: MESSAGE   (per failure)
 *	uktest: result suite=S case=C status=pass|fail
 *	uktest: summary passed=N failed=M
 */
#include <stdarg.h>
#include <stdio.h>
#include <uk/boot.h>
#include <uk/init.h>
#include <uk/test.h>

/* Failed expectations of the case that is running. */
static unsigned int case_failures;

void _uk_test_fail(const struct uk_testcase *tc, const char *file, int line,
		   const char *fmt, ...)
{
	char msg[384];
	va_list ap;

	case_failures++;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printf("uktest: fail suite=%s case=%s at %s:%d: %s\n", tc->suite,
	    tc->name, file, line, msg);
}

int _uk_test_streq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

int _uk_test_memeq(const void *a, const void *b, unsigned long len)
{
	const unsigned char *p = a, *q = b;

	while (len--)
		if (*p++ != *q++)
			return 0;
	return 1;
}

int uk_test_run_all(const char *filter)
{
	const struct uk_testcase *tc;
	int passed = 0, failed = 0;

	UK_TABLE_FOREACH(tc, testtab) {
		if (filter && !_uk_test_streq(filter, tc->suite))
			continue;
		case_failures = 0;
		tc->fn(tc);
		printf("uktest: result suite=%s case=%s status=%s\n", tc->suite,
		    tc->name, case_failures ? "fail" : "pass");
		if (case_failures)
			failed++;
		else
			passed++;
	}
	printf("uktest: summary passed=%d failed=%d\n", passed, failed);
	return failed;
}

#if CONFIG_LIBUKTEST_AUTORUN
/* Last of all inits, so every library the tests use is ready. */
static int uktest_autorun(void)
{
	if (uk_test_run_all(NULL))
		uk_boot_exit(1);
	return 0;
}
uk_initcall_class_prio(uktest_autorun, NULL, UK_INIT_CLASS_LATE, 9);
#endif
