/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

size_t strnlen(const char *s, size_t maxlen)
{
	const char *end = memchr(s, 0, maxlen);

	return end ? (size_t)(end - s) : maxlen;
}
