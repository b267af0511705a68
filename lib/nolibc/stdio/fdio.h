/* SPDX-License-Identifier: BSD-3-Clause */
/* nolibc private: streams on file descriptors (stdfd.c, fopen, fdopen). */
#ifndef _NOLIBC_STDIO_FDIO_H
#define _NOLIBC_STDIO_FDIO_H

#include "stdio_impl.h"

int _nolibc_fd_write(FILE *f, const char *buf, size_t len);
long _nolibc_fd_read(FILE *f, char *buf, size_t len);
long long _nolibc_fd_seek(FILE *f, long long off, int whence);

/* A stream on @fd (malloc'ed, linked into the open list); NULL+errno. */
FILE *_nolibc_fd_stream(int fd, unsigned int can);

/* "r", "w+", "ax" ...: the open flags, or -1 for a bad mode (EINVAL). */
int _nolibc_fmode(const char *mode);

#endif /* _NOLIBC_STDIO_FDIO_H */
