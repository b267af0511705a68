/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include "stdio_impl.h"

/* Flush, close the fd and free @f; EOF if either failed (@f is gone). */
int fclose(FILE *f)
{
	FILE **pp;
	int rc = fflush(f);

	if (f->fd >= 0 && close(f->fd) < 0)
		rc = EOF;
	if (f->flags & _NOLIBC_F_STATIC) {
		f->fd = -1;
		f->can = 0;
		return rc;
	}
	for (pp = &_nolibc_open_files; *pp; pp = &(*pp)->next) {
		if (*pp == f) {
			*pp = f->next;
			break;
		}
	}
	if (f->flags & _NOLIBC_F_OWNBUF)
		free(f->buf);
	free(f);
	return rc;
}
