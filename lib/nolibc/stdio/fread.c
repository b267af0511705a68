/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include "stdio_impl.h"

size_t fread(void *__restrict ptr, size_t size, size_t nmemb,
	     FILE *__restrict f)
{
	char *p = ptr;
	size_t want, got = 0, n;
	long r;

	if (!size || !nmemb)
		return 0;
	if (nmemb > SIZE_MAX / size) {
		errno = EOVERFLOW;
		return 0;
	}
	want = size * nmemb;
	if (f->ungot != EOF && want) {
		p[got++] = (char)f->ungot;
		f->ungot = EOF;
	}
	while (got < want) {
		if (f->rpos == f->rlen) {
			/* Large reads skip the buffer. */
			if (want - got >= f->bufsize && f->bufsize &&
			    f->read && (f->can & _NOLIBC_F_READ) && !f->wlen) {
				r = f->read(f, p + got, want - got);
				if (r <= 0) {
					if (r < 0) {
						f->err = 1;
						errno = -r;
					} else {
						f->eof = 1;
					}
					break;
				}
				got += r;
				continue;
			}
			r = _nolibc_file_fill(f);
			if (r <= 0) {
				if (r < 0)
					errno = -r;
				break;
			}
		}
		n = f->rlen - f->rpos;
		if (n > want - got)
			n = want - got;
		memcpy(p + got, f->buf + f->rpos, n);
		f->rpos += n;
		got += n;
	}
	return got / size;
}
