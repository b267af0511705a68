/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>

int fputc(int c, FILE *f)
{
	unsigned char ch = (unsigned char)c;

	return fwrite(&ch, 1, 1, f) == 1 ? ch : EOF;
}
