/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include "stdio_impl.h"

int fileno(FILE *f)
{
	if (f->fd < 0) {
		errno = EBADF;
		return -1;
	}
	return f->fd;
}
