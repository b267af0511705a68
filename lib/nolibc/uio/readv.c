/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/uio.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

ssize_t readv(int fd, const struct iovec *iov, int iovcnt)
{
	return _nolibc_ret(uk_sys_readv(fd, iov, iovcnt));
}
