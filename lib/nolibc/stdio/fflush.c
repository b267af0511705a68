/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdio.h>
#include "stdio_impl.h"

/* NULL: stdout, stderr and every fopen'ed stream. */
int fflush(FILE *f)
{
	FILE *it;
	int rc = 0;

	if (f) {
		if (f->rlen || f->ungot != EOF)
			rc = _nolibc_file_unread(f);
		else
			rc = _nolibc_file_flush(f);
		if (rc < 0) {
			errno = -rc;
			return EOF;
		}
		return 0;
	}
	rc |= fflush(stdout);
	rc |= fflush(stderr);
	for (it = _nolibc_open_files; it; it = it->next)
		rc |= fflush(it);
	return rc ? EOF : 0;
}
