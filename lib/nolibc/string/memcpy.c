/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Copies whole words when source and destination share their alignment,
 * bytes otherwise. The library is built with
 * -fno-tree-loop-distribute-patterns so that gcc does not turn these loops
 * back into a call to memcpy itself.
 */
#include <string.h>
#include "word.h"

void *memcpy(void *__restrict dst, const void *__restrict src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (_nolibc_word_coaligned(d, s)) {
		while (n && !_nolibc_word_aligned(d)) {
			*d++ = *s++;
			n--;
		}
		for (; n >= WORD_SIZE; n -= WORD_SIZE) {
			*(_nolibc_word_t *)d = *(const _nolibc_word_t *)s;
			d += WORD_SIZE;
			s += WORD_SIZE;
		}
	}
	while (n--)
		*d++ = *s++;
	return dst;
}
