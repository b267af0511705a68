/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "fdio.h"

/* The fd's own flags decide; @mode must not ask for more than they give. */
FILE *fdopen(int fd, const char *mode)
{
	int want = _nolibc_fmode(mode), have = fcntl(fd, F_GETFL);
	unsigned int can = 0;

	if (have < 0)
		return NULL;
	if (want < 0) {
		errno = EINVAL;
		return NULL;
	}
	if ((have & O_ACCMODE) != O_WRONLY)
		can |= _NOLIBC_F_READ;
	if ((have & O_ACCMODE) != O_RDONLY)
		can |= _NOLIBC_F_WRITE;
	if (((want & O_ACCMODE) != O_WRONLY && !(can & _NOLIBC_F_READ)) ||
	    ((want & O_ACCMODE) != O_RDONLY && !(can & _NOLIBC_F_WRITE))) {
		errno = EINVAL;
		return NULL;
	}
	if ((want & O_APPEND) && !(have & O_APPEND) &&
	    fcntl(fd, F_SETFL, have | O_APPEND) < 0)
		return NULL;
	return _nolibc_fd_stream(fd, can);
}
