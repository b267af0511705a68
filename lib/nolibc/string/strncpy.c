/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

/*
 * C's strncpy: copies at most @n bytes and zero-fills the rest of @dst, so
 * the result is not terminated when @src has @n or more characters.
 */
char *strncpy(char *__restrict dst, const char *__restrict src, size_t n)
{
	size_t len = strnlen(src, n);

	memcpy(dst, src, len);
	memset(dst + len, 0, n - len);
	return dst;
}
