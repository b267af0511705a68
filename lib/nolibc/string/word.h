/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Word-at-a-time helpers for the string functions. Loads through
 * _nolibc_word_t may alias any object (may_alias), so the compiler does not
 * assume type-based non-aliasing between them and byte accesses.
 */
#ifndef _NOLIBC_INTERNAL_WORD_H
#define _NOLIBC_INTERNAL_WORD_H

#include <stdint.h>

typedef unsigned long __attribute__((__may_alias__)) _nolibc_word_t;

#define WORD_SIZE	sizeof(_nolibc_word_t)
#define WORD_ONES	((_nolibc_word_t)-1 / 0xff)
#define WORD_HIGHS	(WORD_ONES * 0x80)

/*
 * Non-zero iff some byte of @x is 0: a byte that is 0 borrows in the
 * subtraction and so gets its high bit set while the byte in ~x keeps it.
 * Bytes above the first zero byte may be reported wrongly, so use this only
 * to decide whether a word holds a zero, then find it byte by byte.
 */
#define WORD_HAS_ZERO(x) (((x) - WORD_ONES) & ~(x) & WORD_HIGHS)

static inline int _nolibc_word_aligned(const void *p)
{
	return ((uintptr_t)p & (WORD_SIZE - 1)) == 0;
}

/* Whether @a and @b have the same offset inside a word. */
static inline int _nolibc_word_coaligned(const void *a, const void *b)
{
	return (((uintptr_t)a ^ (uintptr_t)b) & (WORD_SIZE - 1)) == 0;
}

#endif /* _NOLIBC_INTERNAL_WORD_H */
