/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

ssize_t pwrite(int fd, const void *buf, size_t len, off_t off)
{
	return _nolibc_ret(uk_sys_pwrite64(fd, buf, len, off));
}
