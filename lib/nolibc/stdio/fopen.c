/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "fdio.h"

FILE *fopen(const char *__restrict path, const char *__restrict mode)
{
	int flags = _nolibc_fmode(mode), fd, e;
	FILE *f;

	if (flags < 0) {
		errno = EINVAL;
		return NULL;
	}
	fd = open(path, flags, 0666);
	if (fd < 0)
		return NULL;
	f = _nolibc_fd_stream(fd, (flags & O_ACCMODE) == O_RDONLY
					  ? _NOLIBC_F_READ
				  : (flags & O_ACCMODE) == O_WRONLY
					  ? _NOLIBC_F_WRITE
					  : _NOLIBC_F_READ | _NOLIBC_F_WRITE);
	if (!f) {
		e = errno;
		close(fd);
		errno = e;
	}
	return f;
}
