/* SPDX-License-Identifier: BSD-3-Clause */
/* Scatter-gather I/O. */
#ifndef _NOLIBC_SYS_UIO_H
#define _NOLIBC_SYS_UIO_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct iovec {
	void *iov_base;
	size_t iov_len;
};

ssize_t readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);
ssize_t preadv(int fd, const struct iovec *iov, int iovcnt, off_t off);
ssize_t pwritev(int fd, const struct iovec *iov, int iovcnt, off_t off);

#ifdef __cplusplus
}
#endif

#endif /* _NOLIBC_SYS_UIO_H */
