/* SPDX-License-Identifier: BSD-3-Clause */
/* nolibc stdlib: integer conversions, abs, qsort and bsearch. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <uk/test.h>

UK_TESTCASE(nolibc, abs_family)
{
	UK_TEST_EXPECT_INT_EQ(abs(0), 0);
	UK_TEST_EXPECT_INT_EQ(abs(-5), 5);
	UK_TEST_EXPECT_INT_EQ(abs(5), 5);
	UK_TEST_EXPECT_INT_EQ(abs(-INT_MAX), INT_MAX);
	UK_TEST_EXPECT_INT_EQ(labs(-LONG_MAX), LONG_MAX);
	UK_TEST_EXPECT_INT_EQ(labs(7L), 7);
	UK_TEST_EXPECT_INT_EQ(llabs(-LLONG_MAX), LLONG_MAX);
	UK_TEST_EXPECT_INT_EQ(llabs(-1LL), 1);
}

UK_TESTCASE(nolibc, atoi_family)
{
	UK_TEST_EXPECT_INT_EQ(atoi("42"), 42);
	UK_TEST_EXPECT_INT_EQ(atoi("  -17xyz"), -17);
	UK_TEST_EXPECT_INT_EQ(atoi("+8"), 8);
	UK_TEST_EXPECT_INT_EQ(atoi("x1"), 0);
	/* Always decimal, even with a 0 or 0x prefix. */
	UK_TEST_EXPECT_INT_EQ(atoi("010"), 10);
	UK_TEST_EXPECT_INT_EQ(atoi("0x10"), 0);
	UK_TEST_EXPECT_INT_EQ(atol("-2147483649"), -2147483649L);
	UK_TEST_EXPECT_INT_EQ(atoll("9223372036854775807"), LLONG_MAX);
}

UK_TESTCASE(nolibc, strtol_bases)
{
	const char *s;
	char *end;

	s = "  -123abc";
	UK_TEST_EXPECT_INT_EQ(strtol(s, &end, 10), -123);
	UK_TEST_EXPECT_PTR_EQ(end, s + 6);

	s = "0x1f";
	UK_TEST_EXPECT_INT_EQ(strtol(s, &end, 0), 31);
	UK_TEST_EXPECT_PTR_EQ(end, s + 4);
	UK_TEST_EXPECT_INT_EQ(strtol(s, &end, 16), 31);
	UK_TEST_EXPECT_PTR_EQ(end, s + 4);
	/* In base 10 the x ends the number after the 0. */
	UK_TEST_EXPECT_INT_EQ(strtol(s, &end, 10), 0);
	UK_TEST_EXPECT_PTR_EQ(end, s + 1);

	UK_TEST_EXPECT_INT_EQ(strtol("0XfF", NULL, 0), 255);
	UK_TEST_EXPECT_INT_EQ(strtol("ff", NULL, 16), 255);
	UK_TEST_EXPECT_INT_EQ(strtol("-0x10", NULL, 0), -16);
	UK_TEST_EXPECT_INT_EQ(strtol("017", NULL, 0), 15);
	UK_TEST_EXPECT_INT_EQ(strtol("017", NULL, 10), 17);
	UK_TEST_EXPECT_INT_EQ(strtol("1010", NULL, 2), 10);
	UK_TEST_EXPECT_INT_EQ(strtol("777", NULL, 8), 511);
	UK_TEST_EXPECT_INT_EQ(strtol("z", NULL, 36), 35);
	UK_TEST_EXPECT_INT_EQ(strtol("Zz", NULL, 36), 35 * 36 + 35);
	UK_TEST_EXPECT_INT_EQ(strtol("\t\n\v\f\r +5", NULL, 10), 5);

	/* "08" in base 0 is octal 0, ended by the 8. */
	s = "08";
	UK_TEST_EXPECT_INT_EQ(strtol(s, &end, 0), 0);
	UK_TEST_EXPECT_PTR_EQ(end, s + 1);
	s = "12345";
	UK_TEST_EXPECT_INT_EQ(strtol(s, &end, 3), 5);
	UK_TEST_EXPECT_PTR_EQ(end, s + 2);
}

UK_TESTCASE(nolibc, strtol_no_digits)
{
	const char *inputs[] = { "", "   ", "+", "-", " - 1", "xyz", "+-1" };
	const char *s;
	char *end;
	size_t i;

	/* No digits: 0, and the end pointer is the input itself. */
	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		s = inputs[i];
		UK_TEST_EXPECT_INT_EQ(strtol(s, &end, 0), 0);
		UK_TEST_EXPECT_PTR_EQ(end, s);
	}

	/* "0x" without a hex digit: the 0 is the number. */
	s = "0x";
	UK_TEST_EXPECT_INT_EQ(strtol(s, &end, 16), 0);
	UK_TEST_EXPECT_PTR_EQ(end, s + 1);
	s = "0xg";
	UK_TEST_EXPECT_INT_EQ(strtol(s, &end, 0), 0);
	UK_TEST_EXPECT_PTR_EQ(end, s + 1);
	s = "-0x";
	UK_TEST_EXPECT_INT_EQ(strtol(s, &end, 0), 0);
	UK_TEST_EXPECT_PTR_EQ(end, s + 2);
}

UK_TESTCASE(nolibc, strtol_bad_base)
{
	const char *s = "123";
	char *end = NULL;

	errno = 0;
	UK_TEST_EXPECT_INT_EQ(strtol(s, &end, 1), 0);
	UK_TEST_EXPECT_INT_EQ(errno, EINVAL);
	UK_TEST_EXPECT_PTR_EQ(end, s);
	errno = 0;
	UK_TEST_EXPECT_INT_EQ(strtoul(s, &end, 37), 0);
	UK_TEST_EXPECT_INT_EQ(errno, EINVAL);
	errno = 0;
	UK_TEST_EXPECT_INT_EQ(strtoll(s, &end, -2), 0);
	UK_TEST_EXPECT_INT_EQ(errno, EINVAL);
	errno = 0;
	UK_TEST_EXPECT_INT_EQ(strtoull(s, &end, 99), 0);
	UK_TEST_EXPECT_INT_EQ(errno, EINVAL);
}

UK_TESTCASE(nolibc, strtol_range)
{
	const char *s;
	char *end;

	/* before: errno 0; after: still 0 for values in range */
	errno = 0;
	UK_TEST_EXPECT_INT_EQ(strtol("9223372036854775807", NULL, 10),
			      LONG_MAX);
	UK_TEST_EXPECT_INT_EQ(strtol("-9223372036854775808", NULL, 10),
			      LONG_MIN);
	UK_TEST_EXPECT_INT_EQ(strtol("0x7fffffffffffffff", NULL, 0),
			      LONG_MAX);
	UK_TEST_EXPECT_INT_EQ(errno, 0);

	s = "9223372036854775808";
	UK_TEST_EXPECT_INT_EQ(strtol(s, &end, 10), LONG_MAX);
	UK_TEST_EXPECT_INT_EQ(errno, ERANGE);
	UK_TEST_EXPECT_PTR_EQ(end, s + 19);

	errno = 0;
	s = "-9223372036854775809z";
	UK_TEST_EXPECT_INT_EQ(strtol(s, &end, 10), LONG_MIN);
	UK_TEST_EXPECT_INT_EQ(errno, ERANGE);
	UK_TEST_EXPECT_PTR_EQ(end, s + 20);

	/* Far beyond 64 bits: every digit is still consumed. */
	errno = 0;
	s = "123456789012345678901234567890 ";
	UK_TEST_EXPECT_INT_EQ(strtol(s, &end, 10), LONG_MAX);
	UK_TEST_EXPECT_INT_EQ(errno, ERANGE);
	UK_TEST_EXPECT_PTR_EQ(end, s + 30);

	errno = 0;
	UK_TEST_EXPECT_INT_EQ(strtoll("-9223372036854775808", NULL, 10),
			      LLONG_MIN);
	UK_TEST_EXPECT_INT_EQ(errno, 0);
	UK_TEST_EXPECT_INT_EQ(strtoll("9223372036854775808", NULL, 10),
			      LLONG_MAX);
	UK_TEST_EXPECT_INT_EQ(errno, ERANGE);
	errno = 0;
	UK_TEST_EXPECT_INT_EQ(strtoll("-0x8000000000000001", NULL, 16),
			      LLONG_MIN);
	UK_TEST_EXPECT_INT_EQ(errno, ERANGE);
}

UK_TESTCASE(nolibc, strtoul_range)
{
	char *end;
	const char *s;

	errno = 0;
	UK_TEST_EXPECT_UINT_EQ(strtoul("18446744073709551615", NULL, 10),
			       ULONG_MAX);
	UK_TEST_EXPECT_UINT_EQ(strtoull("0xffffffffffffffff", NULL, 0),
			       ULLONG_MAX);
	UK_TEST_EXPECT_UINT_EQ(strtoul("1111", NULL, 2), 15);
	/* A '-' negates in the unsigned type, without an error. */
	UK_TEST_EXPECT_UINT_EQ(strtoul("-1", NULL, 10), ULONG_MAX);
	UK_TEST_EXPECT_UINT_EQ(strtoull("-2", NULL, 10), ULLONG_MAX - 1);
	UK_TEST_EXPECT_INT_EQ(errno, 0);

	s = "18446744073709551616";
	UK_TEST_EXPECT_UINT_EQ(strtoul(s, &end, 10), ULONG_MAX);
	UK_TEST_EXPECT_INT_EQ(errno, ERANGE);
	UK_TEST_EXPECT_PTR_EQ(end, s + 20);

	errno = 0;
	UK_TEST_EXPECT_UINT_EQ(strtoull("-18446744073709551616", NULL, 10),
			       ULLONG_MAX);
	UK_TEST_EXPECT_INT_EQ(errno, ERANGE);
	errno = 0;
	UK_TEST_EXPECT_UINT_EQ(strtoull("1z", &end, 36), 71);
	UK_TEST_EXPECT_INT_EQ(errno, 0);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* 3-byte records: sizes that are not a multiple of a word. */
struct rec {
	unsigned char key, a, b;
};

static int cmp_rec(const void *a, const void *b)
{
	return ((const struct rec *)a)->key - ((const struct rec *)b)->key;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

UK_TESTCASE(nolibc, qsort_ints)
{
	int v[200], count[50] = { 0 }, after[50] = { 0 };
	unsigned int seed = 12345, i;
	int bad = 0;

	for (i = 0; i < 200; i++) {
		seed = seed * 1103515245 + 12345;
		v[i] = (seed >> 16) % 50 - 25;
		count[v[i] + 25]++;
	}
	qsort(v, 200, sizeof(v[0]), cmp_int);
	for (i = 0; i < 200; i++) {
		if (i && v[i - 1] > v[i])
			bad++;
		after[v[i] + 25]++;
	}
	UK_TEST_EXPECT_INT_EQ(bad, 0);
	/* Same multiset before and after. */
	UK_TEST_EXPECT_MEM_EQ(count, after, sizeof(count));
}

UK_TESTCASE(nolibc, qsort_edge_cases)
{
	int one[1] = { 7 }, sorted[5] = { 1, 2, 3, 4, 5 };
	int rev[5] = { 5, 4, 3, 2, 1 }, same[4] = { 2, 2, 2, 2 };
	const int want[5] = { 1, 2, 3, 4, 5 }, want_same[4] = { 2, 2, 2, 2 };

	qsort(NULL, 0, sizeof(int), cmp_int);
	qsort(one, 1, sizeof(int), cmp_int);
	UK_TEST_EXPECT_INT_EQ(one[0], 7);
	qsort(sorted, 5, sizeof(int), cmp_int);
	UK_TEST_EXPECT_MEM_EQ(sorted, want, sizeof(want));
	qsort(rev, 5, sizeof(int), cmp_int);
	UK_TEST_EXPECT_MEM_EQ(rev, want, sizeof(want));
	qsort(same, 4, sizeof(int), cmp_int);
	UK_TEST_EXPECT_MEM_EQ(same, want_same, sizeof(want_same));
}

UK_TESTCASE(nolibc, qsort_records_strings)
{
	struct rec r[6] = {
		{ 9, 1, 2 }, { 3, 3, 4 }, { 7, 5, 6 },
		{ 1, 7, 8 }, { 5, 9, 10 }, { 2, 11, 12 },
	};
	const char *words[] = { "pear", "apple", "fig", "banana", "cherry" };
	unsigned int i;
	int bad = 0;

	qsort(r, 6, sizeof(r[0]), cmp_rec);
	for (i = 1; i < 6; i++) {
		if (r[i - 1].key >= r[i].key)
			bad++;
	}
	UK_TEST_EXPECT_INT_EQ(bad, 0);
	/* Records moved whole: key 1 still carries 7, 8. */
	UK_TEST_EXPECT_INT_EQ(r[0].key, 1);
	UK_TEST_EXPECT_INT_EQ(r[0].a, 7);
	UK_TEST_EXPECT_INT_EQ(r[0].b, 8);
	UK_TEST_EXPECT_INT_EQ(r[5].a, 1);

	qsort(words, 5, sizeof(words[0]), cmp_str);
	UK_TEST_EXPECT_STR_EQ(words[0], "apple");
	UK_TEST_EXPECT_STR_EQ(words[1], "banana");
	UK_TEST_EXPECT_STR_EQ(words[2], "cherry");
	UK_TEST_EXPECT_STR_EQ(words[3], "fig");
	UK_TEST_EXPECT_STR_EQ(words[4], "pear");
}

UK_TESTCASE(nolibc, bsearch_found_missing)
{
	const int v[7] = { -5, 0, 3, 8, 13, 21, 34 };
	int key, i, bad = 0;

	for (i = 0; i < 7; i++) {
		key = v[i];
		if (bsearch(&key, v, 7, sizeof(int), cmp_int) != &v[i])
			bad++;
	}
	UK_TEST_EXPECT_INT_EQ(bad, 0);
	key = -6;
	UK_TEST_EXPECT_NULL(bsearch(&key, v, 7, sizeof(int), cmp_int));
	key = 4;
	UK_TEST_EXPECT_NULL(bsearch(&key, v, 7, sizeof(int), cmp_int));
	key = 35;
	UK_TEST_EXPECT_NULL(bsearch(&key, v, 7, sizeof(int), cmp_int));
	key = 3;
	UK_TEST_EXPECT_NULL(bsearch(&key, v, 0, sizeof(int), cmp_int));
	UK_TEST_EXPECT_PTR_EQ(bsearch(&key, v + 2, 1, sizeof(int), cmp_int),
			      v + 2);
}
