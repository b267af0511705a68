/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

/* As C says, the terminator is part of the string: strchr(s, 0) finds it. */
char *strchr(const char *s, int c)
{
	char ch = (char)c;

	for (;; s++) {
		if (*s == ch)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}
