/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * nolibc stdio: snprintf's integer, character, string and pointer formats,
 * truncation and return values, and the console functions. The expected
 * strings are what glibc prints for the same calls.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <uk/test.h>

/* Format into a buffer, then check both the text and the return value. */
#define EXPECT_FMT(want, ...)                                              \
	do {                                                               \
		char __buf[160];                                           \
		int __n = snprintf(__buf, sizeof(__buf), __VA_ARGS__);     \
		UK_TEST_EXPECT_STR_EQ(__buf, want);                        \
		UK_TEST_EXPECT_INT_EQ(__n, strlen(want));                  \
	} while (0)

UK_TESTCASE(nolibc, snprintf_decimal)
{
	EXPECT_FMT("0", "%d", 0);
	EXPECT_FMT("-1", "%d", -1);
	EXPECT_FMT("2147483647", "%d", INT_MAX);
	EXPECT_FMT("-2147483648", "%i", INT_MIN);
	EXPECT_FMT("4294967295", "%u", UINT_MAX);
	EXPECT_FMT("   42", "%5d", 42);
	EXPECT_FMT("42   |", "%-5d|", 42);
	EXPECT_FMT("00042", "%05d", 42);
	EXPECT_FMT("-0042", "%+05d", -42);
	EXPECT_FMT(" 0042", "% 05d", 42);
	EXPECT_FMT(" 42", "% d", 42);
	EXPECT_FMT("042", "%.3d", 42);
	EXPECT_FMT("-042", "%.3d", -42);
	EXPECT_FMT("     042", "%8.3d", 42);
	EXPECT_FMT("042     |", "%-8.3d|", 42);
	/* Precision 0 prints no digit for 0. */
	EXPECT_FMT("[] [     ]", "[%.0d] [%5.0d]", 0, 0);
	EXPECT_FMT("42", "%1d", 42);
	EXPECT_FMT("ab12cd", "ab%dcd", 12);
}

UK_TESTCASE(nolibc, snprintf_hex_octal)
{
	EXPECT_FMT("ff FF", "%x %X", 255, 255);
	EXPECT_FMT("0xff 0XFF", "%#x %#X", 255, 255);
	/* No 0x prefix for 0. */
	EXPECT_FMT("0", "%#x", 0);
	EXPECT_FMT("", "%#.0x", 0);
	EXPECT_FMT("0x0000ff", "%#08x", 255);
	EXPECT_FMT("    0xff", "%#8x", 255);
	EXPECT_FMT("10 010", "%o %#o", 8, 8);
	EXPECT_FMT("0 0 010", "%#o %#.0o %#.3o", 0, 0, 8);
	EXPECT_FMT("00010", "%#.5o", 8);
	EXPECT_FMT("37777777777", "%o", UINT_MAX);
	EXPECT_FMT("deadbeef", "%x", 0xdeadbeefU);
}

UK_TESTCASE(nolibc, snprintf_lengths)
{
	EXPECT_FMT("44 -1 255", "%hhd %hhd %hhu", 300, 255, -1);
	EXPECT_FMT("4464 65535", "%hd %hu", 70000, -1);
	EXPECT_FMT("-9223372036854775808", "%ld", LONG_MIN);
	EXPECT_FMT("-9223372036854775808", "%lld", LLONG_MIN);
	EXPECT_FMT("18446744073709551615", "%llu", ULLONG_MAX);
	EXPECT_FMT("deadbeefcafebabe", "%lx", 0xdeadbeefcafebabeUL);
	EXPECT_FMT("1777777777777777777777", "%llo", ULLONG_MAX);
	EXPECT_FMT("18446744073709551615 -5", "%zu %zd", (size_t)-1,
		   (ssize_t)-5);
	EXPECT_FMT("-9223372036854775808 18446744073709551615", "%jd %ju",
		   INTMAX_MIN, UINTMAX_MAX);
	EXPECT_FMT("-3", "%td", (ptrdiff_t)-3);
}

UK_TESTCASE(nolibc, snprintf_inttypes)
{
	/* -Wformat checks each macro against its type at compile time. */
	EXPECT_FMT("-8 -16 -32 -64", "%" PRId8 " %" PRId16 " %" PRId32
		   " %" PRId64, (int8_t)-8, (int16_t)-16, (int32_t)-32,
		   (int64_t)-64);
	EXPECT_FMT("8 16 32 18446744073709551615",
		   "%" PRIu8 " %" PRIu16 " %" PRIu32 " %" PRIu64,
		   (uint8_t)8, (uint16_t)16, (uint32_t)32, UINT64_MAX);
	EXPECT_FMT("ff FFFF ffffffff ffffffffffffffff",
		   "%" PRIx8 " %" PRIX16 " %" PRIx32 " %" PRIx64,
		   (uint8_t)0xff, (uint16_t)0xffff, UINT32_MAX, UINT64_MAX);
	EXPECT_FMT("1 2 3 4", "%" PRIdFAST8 " %" PRIdFAST16 " %" PRIuFAST32
		   " %" PRIxFAST64, (int_fast8_t)1, (int_fast16_t)2,
		   (uint_fast32_t)3, (uint_fast64_t)4);
	EXPECT_FMT("5 6 7", "%" PRIdLEAST32 " %" PRIuLEAST64 " %" PRIdMAX,
		   (int_least32_t)5, (uint_least64_t)6, (intmax_t)7);
	EXPECT_FMT("1000 -1", "%" PRIxPTR " %" PRIdPTR, (uintptr_t)0x1000,
		   (intptr_t)-1);
}

UK_TESTCASE(nolibc, snprintf_char_string)
{
	EXPECT_FMT("A", "%c", 'A');
	EXPECT_FMT("  A|A  |", "%3c|%-3c|", 'A', 'A');
	EXPECT_FMT("abc", "%s", "abc");
	EXPECT_FMT("ab", "%.2s", "abc");
	EXPECT_FMT("  abc|abc  |", "%5s|%-5s|", "abc", "abc");
	EXPECT_FMT("    a", "%5.1s", "abc");
	EXPECT_FMT("", "%s", "");
	/* The precision bounds the read: no terminator needed. */
	EXPECT_FMT("ab", "%.2s", (const char[]){ 'a', 'b' });
}

UK_TESTCASE(nolibc, snprintf_pointer_percent)
{
	EXPECT_FMT("0x1234", "%p", (void *)0x1234);
	EXPECT_FMT("(nil)", "%p", NULL);
	EXPECT_FMT("     0xabc|0xabc     |", "%10p|%-10p|", (void *)0xabc,
		   (void *)0xabc);
	EXPECT_FMT("0xffffffffffffffff", "%p", (void *)UINTPTR_MAX);
	EXPECT_FMT("100%", "100%%");
	EXPECT_FMT("%d", "%%d");
}

UK_TESTCASE(nolibc, snprintf_star)
{
	EXPECT_FMT("   42", "%*d", 5, 42);
	EXPECT_FMT("42   |", "%-*d|", 5, 42);
	/* A negative width means '-'. */
	EXPECT_FMT("42   |", "%*d|", -5, 42);
	EXPECT_FMT("007", "%.*d", 3, 7);
	/* A negative precision counts as none. */
	EXPECT_FMT("7", "%.*d", -1, 7);
	EXPECT_FMT("ab", "%.*s", 2, "abcdef");
	EXPECT_FMT("   ab", "%*.*s", 5, 2, "abcdef");
	EXPECT_FMT("00042", "%0*d", 5, 42);
}

/*
 * Formats gcc rightly warns about (flags that do not apply, NULL strings,
 * unknown conversions) still have to print something sane: glibc's output.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-overflow"
UK_TESTCASE(nolibc, snprintf_odd_formats)
{
	char buf[16];

	/* '+' and ' ' only apply to signed conversions. */
	EXPECT_FMT("+42 42 0ff", "%+d %+u %+.3x", 42, 42, 255);
	/* '0' is ignored when a precision is given, and for strings. */
	EXPECT_FMT("     042", "%08.3d", 42);
	EXPECT_FMT("    x", "%05s", "x");
	EXPECT_FMT("(null)", "%s", (char *)NULL);
	EXPECT_FMT("[]", "[%.3s]", (char *)NULL);
	/* Unknown conversions are printed as they stand. */
	EXPECT_FMT("%y 1", "%y %d", 1);
	EXPECT_FMT("a%", "a%");
	/* %n stores nothing but takes its argument. */
	EXPECT_FMT("ab7", "ab%n%d", (int *)buf, 7);
}

UK_TESTCASE(nolibc, snprintf_int_max)
{
	/* A result over INT_MAX cannot be returned. */
	errno = 0;
	UK_TEST_EXPECT_INT_EQ(snprintf(NULL, 0, "%*d%*d", INT_MAX, 1,
				       INT_MAX, 2), -1);
	UK_TEST_EXPECT_INT_EQ(errno, EOVERFLOW);
}
#pragma GCC diagnostic pop

UK_TESTCASE(nolibc, snprintf_truncation)
{
	char buf[16];
	int n;

	/* before: guard bytes; after: n - 1 chars + NUL, the rest untouched */
	memset(buf, '#', sizeof(buf));
	n = snprintf(buf, 5, "hello %s", "world");
	UK_TEST_EXPECT_INT_EQ(n, 11);
	UK_TEST_EXPECT_MEM_EQ(buf, "hell\0###", 8);

	memset(buf, '#', sizeof(buf));
	n = snprintf(buf, 1, "%d", 12345);
	UK_TEST_EXPECT_INT_EQ(n, 5);
	UK_TEST_EXPECT_MEM_EQ(buf, "\0###", 4);

	/* Size 0: nothing written, NULL allowed, length still returned. */
	UK_TEST_EXPECT_INT_EQ(snprintf(NULL, 0, "%s-%d", "abc", 42), 6);
	memset(buf, '#', sizeof(buf));
	UK_TEST_EXPECT_INT_EQ(snprintf(buf, 0, "xyz"), 3);
	UK_TEST_EXPECT_INT_EQ(buf[0], '#');

	/* Exactly fitting, and one short. */
	memset(buf, '#', sizeof(buf));
	UK_TEST_EXPECT_INT_EQ(snprintf(buf, 4, "abc"), 3);
	UK_TEST_EXPECT_MEM_EQ(buf, "abc\0#", 5);
	UK_TEST_EXPECT_INT_EQ(snprintf(buf, 3, "abc"), 3);
	UK_TEST_EXPECT_MEM_EQ(buf, "ab\0\0#", 5);

	/* Padding is cut too. */
	memset(buf, '#', sizeof(buf));
	UK_TEST_EXPECT_INT_EQ(snprintf(buf, 6, "%20d", 1), 20);
	UK_TEST_EXPECT_MEM_EQ(buf, "     \0##", 8);
}

UK_TESTCASE(nolibc, snprintf_long_output)
{
	char buf[1200];
	int n, i, bad = 0;

	/* Longer than the stream buffer and the digit batches. */
	n = snprintf(buf, sizeof(buf), "%1000d|%s", 7, "end");
	UK_TEST_EXPECT_INT_EQ(n, 1004);
	for (i = 0; i < 999; i++) {
		if (buf[i] != ' ')
			bad++;
	}
	UK_TEST_EXPECT_INT_EQ(bad, 0);
	UK_TEST_EXPECT_STR_EQ(buf + 999, "7|end");
}

static int call_vsprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsprintf(buf, fmt, ap);
	va_end(ap);
	return n;
}

static int call_vsnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

UK_TESTCASE(nolibc, sprintf_vsprintf_vsnprintf)
{
	char buf[32];

	UK_TEST_EXPECT_INT_EQ(sprintf(buf, "%s=%d", "x", -3), 4);
	UK_TEST_EXPECT_STR_EQ(buf, "x=-3");
	UK_TEST_EXPECT_INT_EQ(call_vsprintf(buf, "[%5.2s]", "abc"), 7);
	UK_TEST_EXPECT_STR_EQ(buf, "[   ab]");
	UK_TEST_EXPECT_INT_EQ(call_vsnprintf(buf, 4, "%x", 0x12345), 5);
	UK_TEST_EXPECT_STR_EQ(buf, "123");
}

static int call_vprintf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

static int call_vfprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

/* These write to the console; the checks are on the return values. */
UK_TESTCASE(nolibc, console_output)
{
	static const char data[] = "nolibc: fwrite\n";

	UK_TEST_EXPECT_INT_EQ(printf("nolibc: printf %d %s\n", 42, "ok"), 21);
	UK_TEST_EXPECT_INT_EQ(fprintf(stdout, "nolibc: fprintf\n"), 16);
	UK_TEST_EXPECT_INT_EQ(fprintf(stderr, "nolibc: stderr\n"), 15);
	UK_TEST_EXPECT_INT_EQ(call_vprintf("nolibc: vprintf %c\n", 'v'), 18);
	UK_TEST_EXPECT_INT_EQ(call_vfprintf(stderr, "nolibc: %s\n",
					    "vfprintf"), 17);
	UK_TEST_EXPECT_INT_GE(puts("nolibc: puts"), 0);
	UK_TEST_EXPECT_INT_GE(fputs("nolibc: fputs\n", stdout), 0);
	UK_TEST_EXPECT_INT_EQ(fputc('f', stdout), 'f');
	UK_TEST_EXPECT_INT_EQ(putc('p', stdout), 'p');
	UK_TEST_EXPECT_INT_EQ(putchar('\n'), '\n');
	/* The character is returned as an unsigned char. */
	UK_TEST_EXPECT_INT_EQ(fputc((-2 & ~0xff) | '\n', stdout), '\n');
	UK_TEST_EXPECT_UINT_EQ(fwrite(data, 1, sizeof(data) - 1, stdout),
			       sizeof(data) - 1);
	UK_TEST_EXPECT_UINT_EQ(fwrite(data, 5, 3, stdout), 3);
	UK_TEST_EXPECT_INT_EQ(putchar('\n'), '\n');
	UK_TEST_EXPECT_UINT_EQ(fwrite(data, 0, 3, stdout), 0);
	UK_TEST_EXPECT_UINT_EQ(fwrite(data, 3, 0, stdout), 0);
	UK_TEST_EXPECT_INT_EQ(fflush(stdout), 0);
	UK_TEST_EXPECT_INT_EQ(fflush(NULL), 0);
}

UK_TESTCASE(nolibc, printf_long_line)
{
	/* 600 characters: the stream buffer is written out more than once. */
	UK_TEST_EXPECT_INT_EQ(printf("nolibc: %0590d|\n", 1), 600);
}
