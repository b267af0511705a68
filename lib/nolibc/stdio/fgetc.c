/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include "stdio_impl.h"

int fgetc(FILE *f)
{
	long r;
	int c;

	if (f->ungot != EOF) {
		c = f->ungot;
		f->ungot = EOF;
		return c;
	}
	if (f->rpos == f->rlen) {
		r = _nolibc_file_fill(f);
		if (r <= 0) {
			if (r < 0)
				errno = -r;
			return EOF;
		}
	}
	return (unsigned char)f->buf[f->rpos++];
}
