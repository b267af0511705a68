/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/uio.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

ssize_t preadv(int fd, const struct iovec *iov, int iovcnt, off_t off)
{
	return _nolibc_ret(uk_sys_preadv(fd, iov, iovcnt, off));
}
