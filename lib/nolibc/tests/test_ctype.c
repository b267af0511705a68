/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * nolibc ctype: every class is checked over all of 0..255 and EOF against
 * its definition in the C locale, written out here independently.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <uk/test.h>

static int in(int c, const char *set)
{
	return c > 0 && c < 128 && strchr(set, c);
}

#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define DIGIT "0123456789"
#define PUNCT "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

/* Count the values of -1..255 for which @fn disagrees with @want. */
#define MISMATCHES(fn, want)                                               \
	({                                                                 \
		int __c, __bad = 0;                                        \
		for (__c = EOF; __c < 256; __c++) {                        \
			int c = __c;                                       \
			if (!!fn(c) != !!(want))                           \
				__bad++;                                   \
		}                                                          \
		__bad;                                                     \
	})

UK_TESTCASE(nolibc, ctype_letters_digits)
{
	UK_TEST_EXPECT_INT_EQ(MISMATCHES(isupper, in(c, UPPER)), 0);
	UK_TEST_EXPECT_INT_EQ(MISMATCHES(islower, in(c, LOWER)), 0);
	UK_TEST_EXPECT_INT_EQ(MISMATCHES(isalpha, in(c, UPPER LOWER)), 0);
	UK_TEST_EXPECT_INT_EQ(MISMATCHES(isdigit, in(c, DIGIT)), 0);
	UK_TEST_EXPECT_INT_EQ(MISMATCHES(isalnum, in(c, UPPER LOWER DIGIT)),
			      0);
	UK_TEST_EXPECT_INT_EQ(MISMATCHES(isxdigit, in(c, DIGIT "abcdefABCDEF")),
			      0);
}

UK_TESTCASE(nolibc, ctype_space_print)
{
	UK_TEST_EXPECT_INT_EQ(MISMATCHES(isspace, in(c, " \t\n\v\f\r")), 0);
	UK_TEST_EXPECT_INT_EQ(MISMATCHES(isblank, in(c, " \t")), 0);
	UK_TEST_EXPECT_INT_EQ(MISMATCHES(ispunct, in(c, PUNCT)), 0);
	UK_TEST_EXPECT_INT_EQ(MISMATCHES(isgraph,
					 in(c, UPPER LOWER DIGIT PUNCT)), 0);
	UK_TEST_EXPECT_INT_EQ(MISMATCHES(isprint,
					 in(c, UPPER LOWER DIGIT PUNCT " ")),
			      0);
	UK_TEST_EXPECT_INT_EQ(MISMATCHES(iscntrl,
					 (c >= 0 && c < 32) || c == 127), 0);
}

UK_TESTCASE(nolibc, ctype_case_mapping)
{
	int c, bad = 0;

	UK_TEST_EXPECT_INT_EQ(toupper('a'), 'A');
	UK_TEST_EXPECT_INT_EQ(toupper('z'), 'Z');
	UK_TEST_EXPECT_INT_EQ(tolower('A'), 'a');
	UK_TEST_EXPECT_INT_EQ(tolower('Z'), 'z');
	UK_TEST_EXPECT_INT_EQ(toupper(EOF), EOF);
	UK_TEST_EXPECT_INT_EQ(tolower(EOF), EOF);
	/* Everything but letters maps to itself. */
	for (c = 0; c < 256; c++) {
		const char *u = in(c, UPPER) ? strchr(UPPER, c) : NULL;
		const char *l = in(c, LOWER) ? strchr(LOWER, c) : NULL;

		if (toupper(c) != (l ? UPPER[l - LOWER] : c))
			bad++;
		if (tolower(c) != (u ? LOWER[u - UPPER] : c))
			bad++;
	}
	UK_TEST_EXPECT_INT_EQ(bad, 0);
}
