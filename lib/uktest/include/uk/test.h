/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uktest: in-image unit tests.
 *
 * A test case is a function registered by linker section:
 *
 *	UK_TESTCASE(nolibc, strlen_empty)
 *	{
 *		UK_TEST_EXPECT_INT_EQ(strlen(""), 0);
 *	}
 *
 * Cases run in table order when uk_test_run_all() is called (uktest calls it
 * from a late initcall with CONFIG_LIBUKTEST_AUTORUN). Each case prints one
 * machine-readable line:
 *
 *	uktest: result suite=<suite> case=<case> status=pass|fail
 *
 * preceded, for each failed expectation, by a line naming the file:line, the
 * expression and the values. EXPECT records a failure and goes on; ASSERT
 * records it and ends the case.
 */
#ifndef UK_TEST_H
#define UK_TEST_H

#include <uk/section.h>

struct uk_testcase {
	const char *suite;
	const char *name;
	void (*fn)(const struct uk_testcase *tc);
};

/* Private: report helpers used by the macros below. */
void _uk_test_fail(const struct uk_testcase *tc, const char *file, int line,
		   const char *fmt, ...) __printf(4, 5);

#define UK_TESTCASE(suite_, name_)                                           \
	static void __uk_test_##suite_##_##name_(                            \
		const struct uk_testcase *);                                 \
	UK_TABLE_ENTRY(testtab, 0, struct uk_testcase,                       \
		       __uk_testtab_##suite_##_##name_) = {                  \
		.suite = #suite_,                                            \
		.name = #name_,                                              \
		.fn = __uk_test_##suite_##_##name_,                          \
	};                                                                   \
	static void __uk_test_##suite_##_##name_(                            \
		const struct uk_testcase *__uk_tc __unused)

UK_TABLE_DECLARE(testtab, struct uk_testcase);

/*
 * Run every registered case; @filter, if not NULL, is a suite name and only
 * that suite runs. Returns the number of failed cases (0: all passed).
 */
int uk_test_run_all(const char *filter);

/* Private: the "fail and maybe leave" step shared by EXPECT and ASSERT. */
#define __UK_TEST_CHECK(cond, onfail, ...)                                   \
	do {                                                                 \
		if (!(cond)) {                                               \
			_uk_test_fail(__uk_tc, __FILE__, __LINE__,           \
				      __VA_ARGS__);                          \
			onfail;                                              \
		}                                                            \
	} while (0)

#define __UK_TEST_INT(a, op, b, onfail)                                      \
	do {                                                                 \
		long long __uk_ta = (long long)(a), __uk_tb = (long long)(b);        \
		__UK_TEST_CHECK(__uk_ta op __uk_tb, onfail,                          \
				"expected %s %s %s (%lld vs %lld)", #a, #op, \
				#b, __uk_ta, __uk_tb);                               \
	} while (0)

#define __UK_TEST_UINT(a, op, b, onfail)                                     \
	do {                                                                 \
		unsigned long long __uk_ta = (unsigned long long)(a);            \
		unsigned long long __uk_tb = (unsigned long long)(b);            \
		__UK_TEST_CHECK(__uk_ta op __uk_tb, onfail,                          \
				"expected %s %s %s (%llu vs %llu)", #a, #op, \
				#b, __uk_ta, __uk_tb);                               \
	} while (0)

#define __UK_TEST_PTR(a, op, b, onfail)                                      \
	do {                                                                 \
		const void *__uk_ta = (a), *__uk_tb = (b);                           \
		__UK_TEST_CHECK(__uk_ta op __uk_tb, onfail,                          \
				"expected %s %s %s (%p vs %p)", #a, #op, #b, \
				__uk_ta, __uk_tb);                                   \
	} while (0)

/* Private: strings compared with a local loop so uktest needs no libc. */
int _uk_test_streq(const char *a, const char *b);
int _uk_test_memeq(const void *a, const void *b, unsigned long len);

#define __UK_TEST_STR(a, b, want, onfail)                                    \
	do {                                                                 \
		const char *__uk_ta = (a), *__uk_tb = (b);                           \
		__UK_TEST_CHECK(_uk_test_streq(__uk_ta, __uk_tb) == (want), onfail,  \
				"expected %s %s %s (\"%s\" vs \"%s\")", #a,  \
				(want) ? "==" : "!=", #b,                    \
				__uk_ta ? __uk_ta : "(null)", __uk_tb ? __uk_tb : "(null)"); \
	} while (0)

#define __UK_TEST_MEM(a, b, n, onfail)                                       \
	__UK_TEST_CHECK(_uk_test_memeq((a), (b), (n)), onfail,               \
			"expected %lu bytes at %s == %s", (unsigned long)(n), \
			#a, #b)

/* Expectations: record a failure and continue the case. */
#define UK_TEST_EXPECT(cond)                                                 \
	__UK_TEST_CHECK(cond, (void)0, "expected %s", #cond)
#define UK_TEST_EXPECT_INT_EQ(a, b) __UK_TEST_INT(a, ==, b, (void)0)
#define UK_TEST_EXPECT_INT_NE(a, b) __UK_TEST_INT(a, !=, b, (void)0)
#define UK_TEST_EXPECT_INT_LT(a, b) __UK_TEST_INT(a, <, b, (void)0)
#define UK_TEST_EXPECT_INT_LE(a, b) __UK_TEST_INT(a, <=, b, (void)0)
#define UK_TEST_EXPECT_INT_GT(a, b) __UK_TEST_INT(a, >, b, (void)0)
#define UK_TEST_EXPECT_INT_GE(a, b) __UK_TEST_INT(a, >=, b, (void)0)
#define UK_TEST_EXPECT_UINT_EQ(a, b) __UK_TEST_UINT(a, ==, b, (void)0)
#define UK_TEST_EXPECT_PTR_EQ(a, b) __UK_TEST_PTR(a, ==, b, (void)0)
#define UK_TEST_EXPECT_PTR_NE(a, b) __UK_TEST_PTR(a, !=, b, (void)0)
#define UK_TEST_EXPECT_NULL(a) __UK_TEST_PTR(a, ==, NULL, (void)0)
#define UK_TEST_EXPECT_NOT_NULL(a) __UK_TEST_PTR(a, !=, NULL, (void)0)
#define UK_TEST_EXPECT_STR_EQ(a, b) __UK_TEST_STR(a, b, 1, (void)0)
#define UK_TEST_EXPECT_STR_NE(a, b) __UK_TEST_STR(a, b, 0, (void)0)
#define UK_TEST_EXPECT_MEM_EQ(a, b, n) __UK_TEST_MEM(a, b, n, (void)0)

/* Assertions: record a failure and end the case at once. */
#define UK_TEST_ASSERT(cond) __UK_TEST_CHECK(cond, return, "expected %s", #cond)
#define UK_TEST_ASSERT_INT_EQ(a, b) __UK_TEST_INT(a, ==, b, return)
#define UK_TEST_ASSERT_UINT_EQ(a, b) __UK_TEST_UINT(a, ==, b, return)
#define UK_TEST_ASSERT_NOT_NULL(a) __UK_TEST_PTR(a, !=, NULL, return)
#define UK_TEST_ASSERT_STR_EQ(a, b) __UK_TEST_STR(a, b, 1, return)

#endif /* UK_TEST_H */
