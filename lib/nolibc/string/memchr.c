/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Tests a word at a time: x ^ pattern has a zero byte exactly where x holds
 * the byte searched for.
 */
#include <string.h>
#include "word.h"

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	unsigned char ch = (unsigned char)c;
	_nolibc_word_t pat = WORD_ONES * ch;

	while (n && !_nolibc_word_aligned(p)) {
		if (*p == ch)
			return (void *)p;
		p++;
		n--;
	}
	while (n >= WORD_SIZE) {
		_nolibc_word_t w = *(const _nolibc_word_t *)p ^ pat;

		if (WORD_HAS_ZERO(w))
			break;
		p += WORD_SIZE;
		n -= WORD_SIZE;
	}
	for (; n; n--, p++) {
		if (*p == ch)
			return (void *)p;
	}
	return NULL;
}
