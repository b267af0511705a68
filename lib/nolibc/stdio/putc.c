/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>

/* A function here, not a macro: streams have no buffer to peek into. */
int putc(int c, FILE *f)
{
	return fputc(c, f);
}
