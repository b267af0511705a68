/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

char *strcpy(char *__restrict dst, const char *__restrict src)
{
	char *d = dst;

	while ((*d++ = *src++))
		;
	return dst;
}
