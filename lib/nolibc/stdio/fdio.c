/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The transfer functions of streams on fds, over read/write/lseek; and
 * the stream objects fopen() and fdopen() hand out.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fdio.h"

int _nolibc_fd_write(FILE *f, const char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(f->fd, buf, len);
		if (n < 0)
			return -errno;
		if (n == 0)
			return -EIO;
		buf += n;
		len -= n;
	}
	return 0;
}

long _nolibc_fd_read(FILE *f, char *buf, size_t len)
{
	ssize_t n = read(f->fd, buf, len);

	return n < 0 ? -errno : n;
}

long long _nolibc_fd_seek(FILE *f, long long off, int whence)
{
	off_t r = lseek(f->fd, off, whence);

	return r < 0 ? -errno : r;
}

FILE *_nolibc_open_files;

FILE *_nolibc_fd_stream(int fd, unsigned int can)
{
	FILE *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->fd = fd;
	f->can = can;
	f->write = _nolibc_fd_write;
	f->read = _nolibc_fd_read;
	f->seek = _nolibc_fd_seek;
	f->ungot = EOF;
	f->bufmode = isatty(fd) ? _IOLBF : _IOFBF;
	f->next = _nolibc_open_files;
	_nolibc_open_files = f;
	return f;
}

int _nolibc_fmode(const char *mode)
{
	int flags;

	switch (*mode++) {
	case 'r':
		flags = O_RDONLY;
		break;
	case 'w':
		flags = O_WRONLY | O_CREAT | O_TRUNC;
		break;
	case 'a':
		flags = O_WRONLY | O_CREAT | O_APPEND;
		break;
	default:
		return -1;
	}
	for (; *mode; mode++) {
		switch (*mode) {
		case '+':
			flags = (flags & ~O_ACCMODE) | O_RDWR;
			break;
		case 'x':
			flags |= O_EXCL;
			break;
		case 'e':
			flags |= O_CLOEXEC;
			break;
		case 'b':
			break;
		default:
			return -1;
		}
	}
	return flags;
}
