/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Skips equal words when both buffers share their alignment; the bytes of
 * the first differing word are then compared one by one, which keeps the
 * result independent of the machine's byte order.
 */
#include <string.h>
#include "word.h"

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	if (_nolibc_word_coaligned(x, y)) {
		while (n && !_nolibc_word_aligned(x)) {
			if (*x != *y)
				return *x - *y;
			x++;
			y++;
			n--;
		}
		while (n >= WORD_SIZE && *(const _nolibc_word_t *)x ==
					 *(const _nolibc_word_t *)y) {
			x += WORD_SIZE;
			y += WORD_SIZE;
			n -= WORD_SIZE;
		}
	}
	for (; n; n--, x++, y++) {
		if (*x != *y)
			return *x - *y;
	}
	return 0;
}
