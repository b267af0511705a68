/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>

/* Up to @size - 1 bytes, through the first newline; NULL if none read. */
char *fgets(char *__restrict s, int size, FILE *__restrict f)
{
	int i = 0, c;

	if (size <= 0)
		return NULL;
	while (i < size - 1) {
		c = fgetc(f);
		if (c == EOF)
			break;
		s[i++] = (char)c;
		if (c == '\n')
			break;
	}
	if (!i || (c == EOF && ferror(f)))
		return NULL;
	s[i] = 0;
	return s;
}
