/* SPDX-License-Identifier: BSD-3-Clause */
/* Exact decimal expansion of doubles; see bigdec.h for the method. */
#include <stdint.h>
#include "bigdec.h"

#define BASE 1000000000U

static const uint32_t pow10[9] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
};

/* N *= @m. Cannot run out of limbs for the values set() builds. */
static void mul_small(struct _nolibc_bigdec *d, uint32_t m)
{
	uint64_t carry = 0;
	int i;

	for (i = 0; i < d->nlimbs; i++) {
		uint64_t t = (uint64_t)d->limb[i] * m + carry;

		d->limb[i] = t % BASE;
		carry = t / BASE;
	}
	for (; carry && d->nlimbs < BIGDEC_LIMBS; carry /= BASE)
		d->limb[d->nlimbs++] = carry % BASE;
}

void _nolibc_bigdec_set(struct _nolibc_bigdec *d, double x)
{
	union {
		double f;
		uint64_t u;
	} bits = { .f = x };
	uint64_t m = bits.u & ((1ULL << 52) - 1);
	int e = (bits.u >> 52) & 0x7ff;

	/* Normal numbers have a hidden leading 1; subnormals have e = 1. */
	if (e)
		m |= 1ULL << 52;
	else
		e = 1;
	e -= 1075;	/* now |x| = m * 2^e */

	/* Each trailing zero bit of m saves a multiplication by 5. */
	while (m && !(m & 1) && e < 0) {
		m >>= 1;
		e++;
	}

	d->nlimbs = 0;
	d->frac = 0;
	for (; m; m /= BASE)
		d->limb[d->nlimbs++] = m % BASE;
	if (!d->nlimbs)
		return;

	if (e >= 0) {
		for (; e >= 31; e -= 31)
			mul_small(d, 1U << 31);
		mul_small(d, 1U << e);
	} else {
		uint32_t p5 = 1;

		/* m / 2^k = m * 5^k / 10^k */
		d->frac = -e;
		for (e = -e; e >= 13; e -= 13)
			mul_small(d, 1220703125U);	/* 5^13 */
		while (e--)
			p5 *= 5;
		mul_small(d, p5);
	}
}

int _nolibc_bigdec_ndigits(const struct _nolibc_bigdec *d)
{
	uint32_t top;
	int n = 1;

	if (!d->nlimbs)
		return 0;
	top = d->limb[d->nlimbs - 1];
	while (n < 9 && top >= pow10[n])
		n++;
	return (d->nlimbs - 1) * 9 + n;
}

int _nolibc_bigdec_digit(const struct _nolibc_bigdec *d, int pos)
{
	if (pos < 0 || pos >= d->nlimbs * 9)
		return 0;
	return d->limb[pos / 9] / pow10[pos % 9] % 10;
}

/* Whether some digit below 10^@pos is not 0; @pos >= 0. */
static int tail_nonzero(const struct _nolibc_bigdec *d, int pos)
{
	int i = pos / 9;

	if (i < d->nlimbs && d->limb[i] % pow10[pos % 9])
		return 1;
	if (i > d->nlimbs)
		i = d->nlimbs;
	while (i--) {
		if (d->limb[i])
			return 1;
	}
	return 0;
}

void _nolibc_bigdec_round(struct _nolibc_bigdec *d, int pos)
{
	int nd = _nolibc_bigdec_ndigits(d);
	int i, half, up;

	if (pos <= 0 || !nd)
		return;
	if (pos > nd) {
		/* Below half of 10^pos: rounds to 0. */
		d->nlimbs = 0;
		return;
	}

	half = _nolibc_bigdec_digit(d, pos - 1);
	up = half > 5 ||
	     (half == 5 && (tail_nonzero(d, pos - 1) ||
			    (_nolibc_bigdec_digit(d, pos) & 1)));

	/* Cut the digits below 10^pos off. */
	for (i = 0; i < pos / 9; i++)
		d->limb[i] = 0;
	if (i < d->nlimbs)
		d->limb[i] -= d->limb[i] % pow10[pos % 9];

	if (up) {
		uint32_t carry = pow10[pos % 9];

		for (; carry && i < BIGDEC_LIMBS; i++) {
			if (i == d->nlimbs)
				d->limb[d->nlimbs++] = 0;
			d->limb[i] += carry;
			carry = d->limb[i] >= BASE;
			if (carry)
				d->limb[i] -= BASE;
		}
	}
	while (d->nlimbs && !d->limb[d->nlimbs - 1])
		d->nlimbs--;
}
