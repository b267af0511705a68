/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include "stdio_impl.h"

int fseeko(FILE *f, long long off, int whence)
{
	long long r;
	int rc;

	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
		errno = EINVAL;
		return -1;
	}
	if (!f->seek) {
		errno = ESPIPE;
		return -1;
	}
	/* Relative to where the reader is, not to the read-ahead. */
	if (whence == SEEK_CUR)
		off -= (long long)(f->rlen - f->rpos) +
		       (f->ungot != EOF ? 1 : 0);
	rc = _nolibc_file_flush(f);
	if (rc < 0) {
		errno = -rc;
		return -1;
	}
	f->rpos = f->rlen = 0;
	f->ungot = EOF;
	r = f->seek(f, off, whence);
	if (r < 0) {
		errno = (int)-r;
		return -1;
	}
	f->eof = 0;
	return 0;
}
