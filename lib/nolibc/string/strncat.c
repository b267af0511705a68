/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

/* Appends at most @n characters of @src, then always a terminator. */
char *strncat(char *__restrict dst, const char *__restrict src, size_t n)
{
	char *d = dst + strlen(dst);
	size_t len = strnlen(src, n);

	memcpy(d, src, len);
	d[len] = '\0';
	return dst;
}
