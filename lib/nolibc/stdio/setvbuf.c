/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdlib.h>
#include "stdio_impl.h"

/*
 * Before any I/O on @f: @mode _IOFBF/_IOLBF/_IONBF with @buf (@size
 * bytes) or, when @buf is NULL, a buffer of our own.
 */
int setvbuf(FILE *__restrict f, char *__restrict buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)
		return -1;
	if (f->wlen || f->rlen)
		return -1;	/* too late: I/O has happened */
	if (buf && mode != _IONBF && size) {
		if (f->flags & _NOLIBC_F_OWNBUF)
			free(f->buf);
		f->flags &= ~_NOLIBC_F_OWNBUF;
		f->buf = buf;
		f->bufsize = size;
	}
	f->bufmode = mode;
	return 0;
}
