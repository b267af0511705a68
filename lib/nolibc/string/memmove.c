/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Copies forwards when the destination starts below the source and
 * backwards otherwise, so that no byte is overwritten before it is read.
 */
#include <stdint.h>
#include <string.h>
#include "word.h"

static void copy_backwards(unsigned char *d, const unsigned char *s,
			   size_t n)
{
	d += n;
	s += n;
	if (_nolibc_word_coaligned(d, s)) {
		while (n && !_nolibc_word_aligned(d)) {
			*--d = *--s;
			n--;
		}
		for (; n >= WORD_SIZE; n -= WORD_SIZE) {
			d -= WORD_SIZE;
			s -= WORD_SIZE;
			*(_nolibc_word_t *)d = *(const _nolibc_word_t *)s;
		}
	}
	while (n--)
		*--d = *--s;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || n == 0)
		return dst;
	/* Forwards is safe whenever d is below s, overlapping or not. */
	if ((uintptr_t)d < (uintptr_t)s) {
		if ((uintptr_t)s - (uintptr_t)d >= n)
			return memcpy(d, s, n);
		if (_nolibc_word_coaligned(d, s)) {
			/*
			 * Co-aligned means d and s are at least a word
			 * apart, so a word is read before it is overwritten.
			 */
			while (n && !_nolibc_word_aligned(d)) {
				*d++ = *s++;
				n--;
			}
			for (; n >= WORD_SIZE; n -= WORD_SIZE) {
				*(_nolibc_word_t *)d =
					*(const _nolibc_word_t *)s;
				d += WORD_SIZE;
				s += WORD_SIZE;
			}
		}
		while (n--)
			*d++ = *s++;
		return dst;
	}
	if ((uintptr_t)d - (uintptr_t)s >= n)
		return memcpy(d, s, n);
	copy_backwards(d, s, n);
	return dst;
}
