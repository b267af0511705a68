/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include "stdio_impl.h"

long long ftello(FILE *f)
{
	long long pos;

	if (!f->seek) {
		errno = ESPIPE;
		return -1;
	}
	pos = f->seek(f, 0, SEEK_CUR);
	if (pos < 0) {
		errno = (int)-pos;
		return -1;
	}
	return pos - (long long)(f->rlen - f->rpos) -
	       (f->ungot != EOF ? 1 : 0) + (long long)f->wlen;
}
