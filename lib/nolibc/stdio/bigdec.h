/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Exact decimal expansion of a double, for printf's %f, %e and %g.
 *
 * Every finite double is m * 2^e with integer m < 2^53. For e >= 0 that is
 * the integer m * 2^e (at most 309 digits); for e < 0 it is m * 5^-e / 10^-e,
 * so the integer N = m * 5^-e (at most 767 digits) with the decimal point
 * -e digits from its right end. Keeping N in base 10^9 makes every digit
 * exact, so output rounds correctly at any precision, without floating
 * point arithmetic and without a table of powers.
 */
#ifndef _NOLIBC_INTERNAL_BIGDEC_H
#define _NOLIBC_INTERNAL_BIGDEC_H

#include <stdint.h>

/* 767 digits, plus one for a carry out of rounding, fit in 86 limbs. */
#define BIGDEC_LIMBS	88

struct _nolibc_bigdec {
	/* N in base 10^9, least significant limb first */
	uint32_t limb[BIGDEC_LIMBS];
	int nlimbs;	/* limbs in use; 0 when N is 0 */
	int frac;	/* the value is N / 10^frac */
};

/* Set @d to |@x|; @x must be finite. */
void _nolibc_bigdec_set(struct _nolibc_bigdec *d, double x);

/* The number of digits of N; 0 when N is 0. */
int _nolibc_bigdec_ndigits(const struct _nolibc_bigdec *d);

/* The digit of N at 10^@pos; 0 for any @pos outside N. */
int _nolibc_bigdec_digit(const struct _nolibc_bigdec *d, int pos);

/*
 * Round N to a multiple of 10^@pos, ties to even (what printf does in the
 * default rounding mode); no-op for @pos <= 0.
 */
void _nolibc_bigdec_round(struct _nolibc_bigdec *d, int pos);

#endif /* _NOLIBC_INTERNAL_BIGDEC_H */
