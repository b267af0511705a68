/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Word at a time once aligned. An aligned word never crosses a page
 * boundary, so reading past the terminator inside the last word is safe.
 */
#include <string.h>
#include "word.h"

size_t strlen(const char *s)
{
	const char *p = s;
	const _nolibc_word_t *w;

	for (; !_nolibc_word_aligned(p); p++) {
		if (!*p)
			return p - s;
	}
	for (w = (const _nolibc_word_t *)p; !WORD_HAS_ZERO(*w); w++)
		;
	for (p = (const char *)w; *p; p++)
		;
	return p - s;
}
