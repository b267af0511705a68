/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

ssize_t write(int fd, const void *buf, size_t len)
{
	return _nolibc_ret(uk_sys_write(fd, buf, len));
}
