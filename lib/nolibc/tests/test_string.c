/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * nolibc string functions. The word-at-a-time paths depend on alignment and
 * length, so the memory functions are checked at every offset inside a
 * word and at lengths around a few words against a byte-by-byte model.
 */
#include <string.h>
#include <strings.h>
#include <uk/test.h>

#define BUF 96

static void fill_pattern(unsigned char *p, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(seed + i * 7 + 1);
}

UK_TESTCASE(nolibc, memcpy_alignments)
{
	unsigned char src[BUF], dst[BUF], want[BUF];
	size_t so, doff, n, i;
	int bad = 0;

	fill_pattern(src, BUF, 3);
	for (so = 0; so < 8; so++) {
		for (doff = 0; doff < 8; doff++) {
			for (n = 0; n + 8 <= BUF - 8; n += 3) {
				fill_pattern(dst, BUF, 100);
				fill_pattern(want, BUF, 100);
				for (i = 0; i < n; i++)
					want[doff + i] = src[so + i];
				if (memcpy(dst + doff, src + so, n) !=
				    dst + doff)
					bad++;
				if (memcmp(dst, want, BUF))
					bad++;
			}
		}
	}
	UK_TEST_EXPECT_INT_EQ(bad, 0);
}

UK_TESTCASE(nolibc, memmove_overlap)
{
	unsigned char buf[BUF], want[BUF], tmp[BUF];
	size_t from, to, n, i;
	int bad = 0;

	for (from = 0; from < 20; from++) {
		for (to = 0; to < 20; to++) {
			for (n = 0; n < 60; n += 5) {
				fill_pattern(buf, BUF, 9);
				fill_pattern(want, BUF, 9);
				for (i = 0; i < n; i++)
					tmp[i] = want[from + i];
				for (i = 0; i < n; i++)
					want[to + i] = tmp[i];
				if (memmove(buf + to, buf + from, n) !=
				    buf + to)
					bad++;
				if (memcmp(buf, want, BUF))
					bad++;
			}
		}
	}
	UK_TEST_EXPECT_INT_EQ(bad, 0);
}

UK_TESTCASE(nolibc, memset_bounds)
{
	unsigned char buf[BUF];
	size_t off, n, i;
	int bad = 0;

	for (off = 0; off < 8; off++) {
		for (n = 0; n < 70; n++) {
			memset(buf, 0x11, BUF);
			/* before: all 0x11; after: [off, off + n) is 0xab */
			if (memset(buf + off, 0x1ab, n) != buf + off)
				bad++;
			for (i = 0; i < BUF; i++) {
				unsigned char want = i >= off && i < off + n ?
						     0xab : 0x11;

				if (buf[i] != want)
					bad++;
			}
		}
	}
	UK_TEST_EXPECT_INT_EQ(bad, 0);
}

UK_TESTCASE(nolibc, memcmp_order)
{
	unsigned char a[BUF], b[BUF];
	size_t off, pos;
	int bad = 0;

	UK_TEST_EXPECT_INT_EQ(memcmp("abc", "abd", 0), 0);
	UK_TEST_EXPECT_INT_EQ(memcmp("abc", "abc", 3), 0);
	UK_TEST_EXPECT_INT_LT(memcmp("abc", "abd", 3), 0);
	UK_TEST_EXPECT_INT_GT(memcmp("abd", "abc", 3), 0);
	/* Bytes compare as unsigned char: 0x80 is above 0x01. */
	UK_TEST_EXPECT_INT_GT(memcmp("\x80", "\x01", 1), 0);

	for (off = 0; off < 8; off++) {
		for (pos = off; pos < 64; pos++) {
			fill_pattern(a, BUF, 5);
			fill_pattern(b, BUF, 5);
			b[pos] = a[pos] + 1;
			if (memcmp(a + off, b + off, 64 - off) >= 0)
				bad++;
			if (memcmp(b + off, a + off, 64 - off) <= 0)
				bad++;
			if (memcmp(a + off, b + off, pos - off) != 0)
				bad++;
		}
	}
	UK_TEST_EXPECT_INT_EQ(bad, 0);
}

UK_TESTCASE(nolibc, memchr_find)
{
	unsigned char buf[BUF];
	size_t off, pos;
	int bad = 0;

	memset(buf, 'a', BUF);
	for (off = 0; off < 8; off++) {
		for (pos = off; pos < 80; pos++) {
			buf[pos] = 0xfe;
			/* c is converted to unsigned char: -2 finds 0xfe */
			if (memchr(buf + off, -2, BUF - off) != buf + pos)
				bad++;
			if (memchr(buf + off, 0xfe, pos - off))
				bad++;
			buf[pos] = 'a';
		}
	}
	UK_TEST_EXPECT_INT_EQ(bad, 0);
	UK_TEST_EXPECT_NULL(memchr(buf, 'b', BUF));
	UK_TEST_EXPECT_NULL(memchr(buf, 'a', 0));
}

UK_TESTCASE(nolibc, strlen_strnlen)
{
	char buf[BUF];
	size_t off, len;
	int bad = 0;

	UK_TEST_EXPECT_UINT_EQ(strlen(""), 0);
	UK_TEST_EXPECT_UINT_EQ(strlen("kiln"), 4);
	for (off = 0; off < 8; off++) {
		for (len = 0; len + off < BUF - 1; len++) {
			memset(buf, 'x', BUF);
			buf[off + len] = '\0';
			if (strlen(buf + off) != len)
				bad++;
		}
	}
	UK_TEST_EXPECT_INT_EQ(bad, 0);

	UK_TEST_EXPECT_UINT_EQ(strnlen("kiln", 10), 4);
	UK_TEST_EXPECT_UINT_EQ(strnlen("kiln", 4), 4);
	UK_TEST_EXPECT_UINT_EQ(strnlen("kiln", 2), 2);
	UK_TEST_EXPECT_UINT_EQ(strnlen("kiln", 0), 0);
}

UK_TESTCASE(nolibc, strcmp_strncmp)
{
	UK_TEST_EXPECT_INT_EQ(strcmp("", ""), 0);
	UK_TEST_EXPECT_INT_EQ(strcmp("abc", "abc"), 0);
	UK_TEST_EXPECT_INT_LT(strcmp("abc", "abd"), 0);
	UK_TEST_EXPECT_INT_GT(strcmp("abd", "abc"), 0);
	UK_TEST_EXPECT_INT_LT(strcmp("ab", "abc"), 0);
	UK_TEST_EXPECT_INT_GT(strcmp("abc", "ab"), 0);
	UK_TEST_EXPECT_INT_GT(strcmp("\xff", "a"), 0);

	UK_TEST_EXPECT_INT_EQ(strncmp("abcX", "abcY", 3), 0);
	UK_TEST_EXPECT_INT_LT(strncmp("abcX", "abcY", 4), 0);
	UK_TEST_EXPECT_INT_EQ(strncmp("abc", "xyz", 0), 0);
	UK_TEST_EXPECT_INT_EQ(strncmp("ab", "ab", 100), 0);
	UK_TEST_EXPECT_INT_LT(strncmp("ab", "abc", 100), 0);
	UK_TEST_EXPECT_INT_GT(strncmp("\x80", "\x7f", 1), 0);
}

UK_TESTCASE(nolibc, strchr_strrchr)
{
	const char *s = "hello, world";

	UK_TEST_EXPECT_PTR_EQ(strchr(s, 'o'), s + 4);
	UK_TEST_EXPECT_PTR_EQ(strchr(s, 'h'), s);
	UK_TEST_EXPECT_NULL(strchr(s, 'z'));
	/* The terminator is part of the string. */
	UK_TEST_EXPECT_PTR_EQ(strchr(s, '\0'), s + 12);
	UK_TEST_EXPECT_PTR_EQ(strchr("a\xe9", 0xe9), strchr("a\xe9", -23));

	UK_TEST_EXPECT_PTR_EQ(strrchr(s, 'o'), s + 8);
	UK_TEST_EXPECT_PTR_EQ(strrchr(s, 'h'), s);
	UK_TEST_EXPECT_NULL(strrchr(s, 'z'));
	UK_TEST_EXPECT_PTR_EQ(strrchr(s, '\0'), s + 12);
	UK_TEST_EXPECT_NULL(strrchr("", 'a'));
}

UK_TESTCASE(nolibc, strcpy_strncpy)
{
	char buf[16];

	memset(buf, 'x', sizeof(buf));
	UK_TEST_EXPECT_PTR_EQ(strcpy(buf, "kiln"), buf);
	UK_TEST_EXPECT_MEM_EQ(buf, "kiln\0xxx", 8);

	/* Shorter source: the rest of n is zero-filled. */
	memset(buf, 'x', sizeof(buf));
	UK_TEST_EXPECT_PTR_EQ(strncpy(buf, "ab", 6), buf);
	UK_TEST_EXPECT_MEM_EQ(buf, "ab\0\0\0\0xx", 8);

	/* Longer source: exactly n bytes, no terminator. */
	memset(buf, 'x', sizeof(buf));
	strncpy(buf, "abcdef", 3);
	UK_TEST_EXPECT_MEM_EQ(buf, "abcxx", 5);

	memset(buf, 'x', sizeof(buf));
	strncpy(buf, "abc", 0);
	UK_TEST_EXPECT_INT_EQ(buf[0], 'x');
}

UK_TESTCASE(nolibc, strcat_strncat)
{
	char buf[16] = "ab";

	UK_TEST_EXPECT_PTR_EQ(strcat(buf, "cd"), buf);
	UK_TEST_EXPECT_STR_EQ(buf, "abcd");
	strcat(buf, "");
	UK_TEST_EXPECT_STR_EQ(buf, "abcd");

	UK_TEST_EXPECT_PTR_EQ(strncat(buf, "efgh", 2), buf);
	UK_TEST_EXPECT_STR_EQ(buf, "abcdef");
	strncat(buf, "xy", 10);
	UK_TEST_EXPECT_STR_EQ(buf, "abcdefxy");
	strncat(buf, "zzz", 0);
	UK_TEST_EXPECT_STR_EQ(buf, "abcdefxy");
}

UK_TESTCASE(nolibc, strstr_cases)
{
	const char *s = "aaabaaab";

	UK_TEST_EXPECT_PTR_EQ(strstr(s, ""), s);
	UK_TEST_EXPECT_PTR_EQ(strstr(s, "aab"), s + 1);
	UK_TEST_EXPECT_PTR_EQ(strstr(s, "baa"), s + 3);
	UK_TEST_EXPECT_PTR_EQ(strstr(s, "aaab"), s);
	UK_TEST_EXPECT_PTR_EQ(strstr(s, "b"), s + 3);
	UK_TEST_EXPECT_NULL(strstr(s, "aaaa"));
	UK_TEST_EXPECT_NULL(strstr(s, "aaabaaabx"));
	UK_TEST_EXPECT_NULL(strstr("", "a"));
	UK_TEST_EXPECT_PTR_EQ(strstr(s, "ab\0zz"), s + 2);
}

UK_TESTCASE(nolibc, strspn_strcspn_strpbrk)
{
	const char *s = "key=value;x";

	UK_TEST_EXPECT_UINT_EQ(strspn("  \tabc", " \t"), 3);
	UK_TEST_EXPECT_UINT_EQ(strspn("abc", ""), 0);
	UK_TEST_EXPECT_UINT_EQ(strspn("aaa", "a"), 3);
	UK_TEST_EXPECT_UINT_EQ(strspn("\xff\xfe!", "\xfe\xff"), 2);

	UK_TEST_EXPECT_UINT_EQ(strcspn("abc,def", ",;"), 3);
	UK_TEST_EXPECT_UINT_EQ(strcspn("abcdef", ",;"), 6);
	UK_TEST_EXPECT_UINT_EQ(strcspn("abc", ""), 3);
	UK_TEST_EXPECT_UINT_EQ(strcspn(";abc", ",;"), 0);

	UK_TEST_EXPECT_PTR_EQ(strpbrk(s, "=;"), s + 3);
	UK_TEST_EXPECT_PTR_EQ(strpbrk(s, ";"), s + 9);
	UK_TEST_EXPECT_NULL(strpbrk(s, "#!"));
	UK_TEST_EXPECT_NULL(strpbrk(s, ""));
}

UK_TESTCASE(nolibc, strtok_r_split)
{
	char buf[] = ",,a,bb;;ccc,";
	char empty[] = ";;;", one[] = "word";
	char *save = NULL, *tok;

	tok = strtok_r(buf, ",;", &save);
	UK_TEST_EXPECT_STR_EQ(tok, "a");
	tok = strtok_r(NULL, ",;", &save);
	UK_TEST_EXPECT_STR_EQ(tok, "bb");
	tok = strtok_r(NULL, ",;", &save);
	UK_TEST_EXPECT_STR_EQ(tok, "ccc");
	UK_TEST_EXPECT_NULL(strtok_r(NULL, ",;", &save));
	UK_TEST_EXPECT_NULL(strtok_r(NULL, ",;", &save));
	/* The string was split in place. */
	UK_TEST_EXPECT_MEM_EQ(buf, ",,a\0bb\0;ccc\0", 13);

	UK_TEST_EXPECT_NULL(strtok_r(empty, ";", &save));
	UK_TEST_EXPECT_STR_EQ(strtok_r(one, " ", &save), "word");
	UK_TEST_EXPECT_NULL(strtok_r(NULL, " ", &save));
}

UK_TESTCASE(nolibc, strcasecmp_strncasecmp)
{
	UK_TEST_EXPECT_INT_EQ(strcasecmp("Kiln", "kILN"), 0);
	UK_TEST_EXPECT_INT_EQ(strcasecmp("", ""), 0);
	UK_TEST_EXPECT_INT_LT(strcasecmp("abc", "ABD"), 0);
	UK_TEST_EXPECT_INT_GT(strcasecmp("ABD", "abc"), 0);
	UK_TEST_EXPECT_INT_LT(strcasecmp("ab", "ABC"), 0);
	/* Compared lowered: 'z' (0x7a) is above '[' (0x5b), 'Z' is not. */
	UK_TEST_EXPECT_INT_GT(strcasecmp("Z", "["), 0);

	UK_TEST_EXPECT_INT_EQ(strncasecmp("HelloX", "hELLOy", 5), 0);
	UK_TEST_EXPECT_INT_LT(strncasecmp("HelloX", "hELLOy", 6), 0);
	UK_TEST_EXPECT_INT_EQ(strncasecmp("a", "b", 0), 0);
	UK_TEST_EXPECT_INT_EQ(strncasecmp("abc", "ABC", 99), 0);
}
