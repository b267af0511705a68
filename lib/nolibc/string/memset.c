/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Built with -fno-tree-loop-distribute-patterns: without it gcc recognises
 * the byte loop and compiles it into a call to memset, i.e. to itself.
 */
#include <string.h>
#include "word.h"

void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;
	_nolibc_word_t w = WORD_ONES * (unsigned char)c;

	while (n && !_nolibc_word_aligned(p)) {
		*p++ = (unsigned char)c;
		n--;
	}
	for (; n >= WORD_SIZE; n -= WORD_SIZE) {
		*(_nolibc_word_t *)p = w;
		p += WORD_SIZE;
	}
	while (n--)
		*p++ = (unsigned char)c;
	return s;
}
