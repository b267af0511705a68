/* SPDX-License-Identifier: BSD-3-Clause */
#include "stdio_impl.h"

/* One byte of push-back, as POSIX guarantees; clears end of file. */
int ungetc(int c, FILE *f)
{
	if (c == EOF || f->ungot != EOF)
		return EOF;
	f->ungot = (unsigned char)c;
	f->eof = 0;
	return (unsigned char)c;
}
