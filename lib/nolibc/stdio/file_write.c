/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The output path of every stream: into the buffer, written out when it
 * is full, at a newline (line buffered) or at once (unbuffered; also a
 * write at least as large as the buffer goes straight through).
 */
#include <errno.h>
#include <string.h>
#include "stdio_impl.h"

int _nolibc_file_flush(FILE *f)
{
	int r;

	if (!f->wlen)
		return 0;
	r = f->write(f, f->buf, f->wlen);
	f->wlen = 0;
	if (r < 0)
		f->err = 1;
	return r;
}

int _nolibc_file_write(FILE *f, const char *buf, size_t len)
{
	int r;

	if (!len)
		return 0;
	if (!(f->can & _NOLIBC_F_WRITE)) {
		f->err = 1;
		return -EBADF;
	}
	if (f->rlen || f->ungot != EOF) {
		r = _nolibc_file_unread(f);
		if (r < 0)
			return r;
	}
	if (f->bufmode != _IONBF && _nolibc_file_bufalloc(f) < 0)
		f->bufmode = _IONBF;
	if (f->bufmode == _IONBF || len >= f->bufsize) {
		r = _nolibc_file_flush(f);
		if (r == 0)
			r = f->write(f, buf, len);
		if (r < 0)
			f->err = 1;
		return r;
	}
	if (f->wlen + len > f->bufsize) {
		r = _nolibc_file_flush(f);
		if (r < 0)
			return r;
	}
	memcpy(f->buf + f->wlen, buf, len);
	f->wlen += len;
	if (f->wlen == f->bufsize ||
	    (f->bufmode == _IOLBF && memchr(buf, '\n', len)))
		return _nolibc_file_flush(f);
	return 0;
}
