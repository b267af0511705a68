/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The printf formatter, shared by the whole family through a sink.
 *
 * Conversions: d i u o x X c s p % and f F e E g G (fmt_fp.c); flags
 * - + space # 0 (and ' accepted, ignored); width and precision, also as *;
 * lengths hh h l ll q j z Z t L. The output is glibc's, also for flag
 * combinations C leaves undefined (compared on random formats); %p prints
 * "(nil)" for NULL and %s "(null)", as glibc does.
 *
 * Limits: no %a/%A, no wide characters (%lc and %ls print as %c and %s),
 * no positional arguments (%1$d), no glibc %m (it would pull the strerror()
 * table into every image that prints). %n stores nothing: its argument is
 * skipped. An unknown conversion, or a '%' ending the format, is printed as
 * it stands.
 */
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include "stdio_impl.h"

enum length {
	LEN_NONE,
	LEN_HH,
	LEN_H,
	LEN_L,
	LEN_LL,
	LEN_J,
	LEN_Z,
	LEN_T,
	LEN_BIG_L,
};

/* Read a decimal number at *@fmt, saturating at INT_MAX. */
static int parse_num(const char **fmt)
{
	const char *p = *fmt;
	int n = 0;

	for (; (unsigned int)(*p - '0') < 10; p++)
		n = n > (INT_MAX - 9) / 10 ? INT_MAX : n * 10 + (*p - '0');
	*fmt = p;
	return n;
}

static enum length parse_length(const char **fmt)
{
	const char *p = *fmt;
	enum length len = LEN_NONE;

	switch (*p++) {
	case 'h':
		len = *p == 'h' ? (p++, LEN_HH) : LEN_H;
		break;
	case 'l':
		len = *p == 'l' ? (p++, LEN_LL) : LEN_L;
		break;
	case 'q':
		len = LEN_LL;
		break;
	case 'j':
		len = LEN_J;
		break;
	case 'z':
	case 'Z':
		len = LEN_Z;
		break;
	case 't':
		len = LEN_T;
		break;
	case 'L':
		len = LEN_BIG_L;
		break;
	default:
		return LEN_NONE;
	}
	*fmt = p;
	return len;
}

/*
 * Arguments narrower than int arrive promoted to int (C's default argument
 * promotions); the casts take them back to their own width.
 */
static long long arg_signed(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_HH:
		return (signed char)va_arg(*ap, int);
	case LEN_H:
		return (short)va_arg(*ap, int);
	case LEN_L:
		return va_arg(*ap, long);
	case LEN_LL:
	case LEN_BIG_L:
		return va_arg(*ap, long long);
	case LEN_J:
		return va_arg(*ap, intmax_t);
	case LEN_Z:	/* the signed type of size_t's width */
	case LEN_T:
		return va_arg(*ap, ptrdiff_t);
	default:
		return va_arg(*ap, int);
	}
}

static unsigned long long arg_unsigned(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_HH:
		return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_H:
		return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_L:
		return va_arg(*ap, unsigned long);
	case LEN_LL:
	case LEN_BIG_L:
		return va_arg(*ap, unsigned long long);
	case LEN_J:
		return va_arg(*ap, uintmax_t);
	case LEN_Z:
	case LEN_T:	/* the unsigned type of ptrdiff_t's width */
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

/* %d %i (@neg gives the sign), %u %o %x %X, and %p (a non-NULL one). */
static void fmt_int(struct _nolibc_sink *k, struct _nolibc_spec sp,
		    unsigned long long v, int neg)
{
	const char *xdigits = sp.conv == 'X' ? "0123456789ABCDEF"
					     : "0123456789abcdef";
	unsigned int base = 10;
	char buf[24];	/* 64 bits are 22 octal digits */
	char *end = buf + sizeof(buf), *p = end;
	char prefix[3];
	size_t plen = 0, nd, zeros = 0, len;
	int nonzero = v != 0;

	if (sp.conv == 'o')
		base = 8;
	else if (sp.conv == 'x' || sp.conv == 'X' || sp.conv == 'p')
		base = 16;

	/* The value 0 with precision 0 has no digits at all. */
	if (v == 0 && sp.prec != 0)
		*--p = '0';
	for (; v; v /= base)
		*--p = xdigits[v % base];
	nd = end - p;

	if (sp.prec >= 0) {
		sp.flags &= ~FMT_ZERO;
		if ((size_t)sp.prec > nd)
			zeros = sp.prec - nd;
	}
	/* %#o: make the first digit a 0. */
	if ((sp.flags & FMT_ALT) && base == 8 && !zeros && (nonzero || !nd))
		zeros = 1;

	/* Signs for the signed conversions, and for %p as glibc does. */
	if (sp.conv == 'd' || sp.conv == 'i' || sp.conv == 'p') {
		if (neg)
			prefix[plen++] = '-';
		else if (sp.flags & FMT_PLUS)
			prefix[plen++] = '+';
		else if (sp.flags & FMT_SPACE)
			prefix[plen++] = ' ';
	}
	if (sp.conv == 'p' || (base == 16 && (sp.flags & FMT_ALT) && nonzero)) {
		prefix[plen++] = '0';
		prefix[plen++] = sp.conv == 'X' ? 'X' : 'x';
	}

	len = plen + zeros + nd;
	_nolibc_fmt_pre(k, &sp, prefix, plen, len);
	_nolibc_sink_fill(k, '0', zeros);
	_nolibc_sink_write(k, p, nd);
	_nolibc_fmt_post(k, &sp, len);
}

/* %s %c and the fixed texts; '0' pads strings with spaces. */
static void fmt_str(struct _nolibc_sink *k, struct _nolibc_spec sp,
		    const char *s, size_t len)
{
	sp.flags &= ~FMT_ZERO;
	_nolibc_fmt_pre(k, &sp, NULL, 0, len);
	_nolibc_sink_write(k, s, len);
	_nolibc_fmt_post(k, &sp, len);
}

static void fmt_s(struct _nolibc_sink *k, struct _nolibc_spec sp,
		  const char *s)
{
	/* glibc prints "(null)" only if the precision lets all of it in. */
	if (!s)
		s = sp.prec < 0 || sp.prec >= 6 ? "(null)" : "";
	fmt_str(k, sp, s, sp.prec < 0 ? strlen(s) : strnlen(s, sp.prec));
}

/*
 * One conversion, *@fmt just after its '%'; advances *@fmt past it.
 * Returns 0, or -1 when the format ends inside the conversion.
 */
static int fmt_one(struct _nolibc_sink *k, const char **fmt, va_list *ap)
{
	const char *start = *fmt - 1, *p = *fmt;
	struct _nolibc_spec sp = { .prec = -1 };
	enum length len;
	long long sv;
	double fp;
	char c;

	for (;; p++) {
		if (*p == '-')
			sp.flags |= FMT_MINUS;
		else if (*p == '+')
			sp.flags |= FMT_PLUS;
		else if (*p == ' ')
			sp.flags |= FMT_SPACE;
		else if (*p == '#')
			sp.flags |= FMT_ALT;
		else if (*p == '0')
			sp.flags |= FMT_ZERO;
		else if (*p != '\'')
			break;
	}

	if (*p == '*') {
		p++;
		sp.width = va_arg(*ap, int);
		/* A negative width is a '-' flag and a positive width. */
		if (sp.width < 0) {
			sp.flags |= FMT_MINUS;
			sp.width = sp.width == INT_MIN ? INT_MAX : -sp.width;
		}
	} else {
		sp.width = parse_num(&p);
	}
	if (sp.flags & FMT_MINUS)
		sp.flags &= ~FMT_ZERO;

	if (*p == '.') {
		p++;
		if (*p == '*') {
			p++;
			sp.prec = va_arg(*ap, int);
			/* A negative precision counts as none. */
			if (sp.prec < 0)
				sp.prec = -1;
		} else {
			sp.prec = parse_num(&p);
		}
	}

	len = parse_length(&p);
	sp.conv = c = *p;
	if (!c) {
		*fmt = p;
		_nolibc_sink_write(k, start, p - start);
		return -1;
	}
	*fmt = p + 1;

	switch (c) {
	case 'd':
	case 'i':
		sv = arg_signed(ap, len);
		/* Negated in unsigned arithmetic: LLONG_MIN has no -. */
		fmt_int(k, sp, sv < 0 ? 0 - (unsigned long long)sv
				      : (unsigned long long)sv, sv < 0);
		break;
	case 'u':
	case 'o':
	case 'x':
	case 'X':
		fmt_int(k, sp, arg_unsigned(ap, len), 0);
		break;
	case 'p': {
		uintptr_t v = (uintptr_t)va_arg(*ap, void *);

		/* Like %#lx, and flags apply as they do there. */
		if (v) {
			fmt_int(k, sp, v, 0);
		} else {
			fmt_str(k, sp, "(nil)", 5);
		}
		break;
	}
	case 'c': {
		char ch = (char)va_arg(*ap, int);

		fmt_str(k, sp, &ch, 1);
		break;
	}
	case 's':
		fmt_s(k, sp, va_arg(*ap, const char *));
		break;
	case 'f':
	case 'F':
	case 'e':
	case 'E':
	case 'g':
	case 'G':
		/* long double is printed through double (see fmt_fp.c). */
		if (len == LEN_BIG_L)
			fp = (double)va_arg(*ap, long double);
		else
			fp = va_arg(*ap, double);
		_nolibc_fmt_fp(k, &sp, fp);
		break;
	case 'n':
		(void)va_arg(*ap, void *);
		break;
	case '%':
		_nolibc_sink_write(k, "%", 1);
		break;
	default:
		_nolibc_sink_write(k, start, *fmt - start);
		break;
	}
	return 0;
}

void _nolibc_vfmt(struct _nolibc_sink *k, const char *fmt, va_list ap)
{
	va_list aq;

	/* A copy, so that helpers can take its address on every ABI. */
	va_copy(aq, ap);
	while (*fmt) {
		const char *pct = strchr(fmt, '%');
		size_t n = pct ? (size_t)(pct - fmt) : strlen(fmt);

		_nolibc_sink_write(k, fmt, n);
		fmt += n;
		if (!*fmt)
			break;
		fmt++;
		if (fmt_one(k, &fmt, &aq))
			break;
	}
	va_end(aq);
}
