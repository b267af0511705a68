/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * %f %F %e %E %g %G. The digits come from an exact decimal expansion
 * (bigdec.c), so they are correctly rounded (ties to even, like glibc in
 * the default rounding mode) at any precision; beyond the expansion's
 * last digit come zeros, which is what the exact value has there too.
 *
 * Limits: long double arguments (%Lf) are converted to double first, so
 * they print with double's precision and range (a long double too large
 * for a double prints as inf). Costs about 450 bytes of stack.
 */
#include <limits.h>
#include <uk/essentials.h>
#include "bigdec.h"
#include "stdio_impl.h"

/* Write @n digits of N, from the one at 10^@from downwards. */
static void put_digits(struct _nolibc_sink *k,
		       const struct _nolibc_bigdec *d, int from, size_t n)
{
	char buf[32];
	size_t i = 0;

	for (; n; n--) {
		buf[i++] = '0' + _nolibc_bigdec_digit(d, from--);
		if (i == sizeof(buf)) {
			_nolibc_sink_write(k, buf, i);
			i = 0;
		}
	}
	_nolibc_sink_write(k, buf, i);
}

/* [-]ddd.ddd with @prec digits after the point. */
static void fmt_f(struct _nolibc_sink *k, const struct _nolibc_spec *sp,
		  const char *sign, size_t slen, struct _nolibc_bigdec *d,
		  int prec)
{
	int dot = prec > 0 || (sp->flags & FMT_ALT);
	int ndigits;
	size_t len;

	_nolibc_bigdec_round(d, d->frac - prec);
	ndigits = _nolibc_bigdec_ndigits(d) - d->frac;
	if (ndigits < 1)
		ndigits = 1;	/* "0.xxx" */
	len = slen + ndigits + dot + (size_t)prec;

	_nolibc_fmt_pre(k, sp, sign, slen, len);
	put_digits(k, d, d->frac + ndigits - 1, ndigits);
	if (dot)
		_nolibc_sink_write(k, ".", 1);
	put_digits(k, d, d->frac - 1, prec);
	_nolibc_fmt_post(k, sp, len);
}

/* [-]d.ddde±dd, N already rounded to @prec + 1 digits, 10^@exp. */
static void fmt_e(struct _nolibc_sink *k, const struct _nolibc_spec *sp,
		  const char *sign, size_t slen,
		  const struct _nolibc_bigdec *d, int prec, int exp)
{
	int dot = prec > 0 || (sp->flags & FMT_ALT);
	int top = _nolibc_bigdec_ndigits(d) - 1;
	char ebuf[8], *e = ebuf + sizeof(ebuf);
	unsigned int uexp = exp < 0 ? -exp : exp;
	size_t elen, len;

	/* At least two exponent digits, as C asks. */
	do {
		*--e = '0' + uexp % 10;
		uexp /= 10;
	} while (uexp || e > ebuf + sizeof(ebuf) - 2);
	*--e = exp < 0 ? '-' : '+';
	*--e = (sp->conv & 0x20) ? 'e' : 'E';
	elen = ebuf + sizeof(ebuf) - e;
	len = slen + 1 + dot + (size_t)prec + elen;

	_nolibc_fmt_pre(k, sp, sign, slen, len);
	put_digits(k, d, top, 1);
	if (dot)
		_nolibc_sink_write(k, ".", 1);
	put_digits(k, d, top - 1, prec);
	_nolibc_sink_write(k, e, elen);
	_nolibc_fmt_post(k, sp, len);
}

/*
 * Round N to @sig significant digits; returns the decimal exponent of the
 * leading digit (0 for zero).
 */
static int round_sig(struct _nolibc_bigdec *d, int sig)
{
	int nd = _nolibc_bigdec_ndigits(d);

	if (!nd)
		return 0;
	_nolibc_bigdec_round(d, nd - sig);
	return _nolibc_bigdec_ndigits(d) - 1 - d->frac;
}

/* %g: the shorter of %e and %f, trailing zeros removed unless '#'. */
static void fmt_g(struct _nolibc_sink *k, const struct _nolibc_spec *sp,
		  const char *sign, size_t slen, struct _nolibc_bigdec *d,
		  int prec)
{
	int sig = prec ? prec : 1;
	int exp = round_sig(d, sig);
	int alt = sp->flags & FMT_ALT;
	int top = _nolibc_bigdec_ndigits(d) - 1;

	if (exp < sig && exp >= -4) {
		prec = sig - 1 - exp;
		while (!alt && prec > 0 &&
		       !_nolibc_bigdec_digit(d, d->frac - prec))
			prec--;
		fmt_f(k, sp, sign, slen, d, prec);
	} else {
		prec = sig - 1;
		while (!alt && prec > 0 &&
		       !_nolibc_bigdec_digit(d, top - prec))
			prec--;
		fmt_e(k, sp, sign, slen, d, prec, exp);
	}
}

void _nolibc_fmt_fp(struct _nolibc_sink *k, const struct _nolibc_spec *sp,
		    double x)
{
	struct _nolibc_spec s = *sp;
	struct _nolibc_bigdec d;
	/* The cap keeps the digit position arithmetic from overflowing. */
	int prec = sp->prec < 0 ? 6 : MIN(sp->prec, INT_MAX - 16);
	int upper = !(sp->conv & 0x20);
	char sign[1];
	size_t slen = 0;

	if (__builtin_signbit(x))
		sign[slen++] = '-';
	else if (sp->flags & FMT_PLUS)
		sign[slen++] = '+';
	else if (sp->flags & FMT_SPACE)
		sign[slen++] = ' ';

	if (__builtin_isnan(x) || __builtin_isinf(x)) {
		const char *txt = __builtin_isnan(x) ? (upper ? "NAN" : "nan")
						     : (upper ? "INF" : "inf");

		s.flags &= ~FMT_ZERO;
		_nolibc_fmt_pre(k, &s, sign, slen, slen + 3);
		_nolibc_sink_write(k, txt, 3);
		_nolibc_fmt_post(k, &s, slen + 3);
		return;
	}

	_nolibc_bigdec_set(&d, x);
	switch (sp->conv | 0x20) {
	case 'f':
		fmt_f(k, sp, sign, slen, &d, prec);
		break;
	case 'e':
		fmt_e(k, sp, sign, slen, &d, prec, round_sig(&d, prec + 1));
		break;
	default:
		fmt_g(k, sp, sign, slen, &d, prec);
		break;
	}
}
