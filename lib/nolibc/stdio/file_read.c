/* SPDX-License-Identifier: BSD-3-Clause */
/* The input side of streams: read-ahead, and giving it back on a switch. */
#include <errno.h>
#include <stdlib.h>
#include "stdio_impl.h"

int _nolibc_file_bufalloc(FILE *f)
{
	if (f->buf)
		return 0;
	f->buf = malloc(BUFSIZ);
	if (!f->buf)
		return -ENOMEM;
	f->bufsize = BUFSIZ;
	f->flags |= _NOLIBC_F_OWNBUF;
	return 0;
}

long _nolibc_file_fill(FILE *f)
{
	long n;
	int r;

	if (!(f->can & _NOLIBC_F_READ) || !f->read) {
		f->err = 1;
		return -EBADF;
	}
	r = _nolibc_file_flush(f);
	if (r < 0)
		return r;
	/* Reading the terminal: show what was asked for first. */
	if (f == stdin)
		fflush(stdout);
	if (_nolibc_file_bufalloc(f) < 0) {
		f->err = 1;
		return -ENOMEM;
	}
	f->rpos = f->rlen = 0;
	n = f->read(f, f->buf,
		    f->bufmode == _IONBF ? 1 : f->bufsize);
	if (n < 0) {
		f->err = 1;
		return n;
	}
	if (n == 0)
		f->eof = 1;
	f->rlen = n;
	return n;
}

int _nolibc_file_unread(FILE *f)
{
	long long back = (long long)(f->rlen - f->rpos) +
			 (f->ungot != EOF ? 1 : 0);

	f->rpos = f->rlen = 0;
	f->ungot = EOF;
	if (!back || !f->seek)
		return 0;
	/* The fd is ahead of the reader by what was read ahead. */
	return f->seek(f, -back, SEEK_CUR) < 0 ? -EIO : 0;
}
