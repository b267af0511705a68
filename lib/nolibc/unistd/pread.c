/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

ssize_t pread(int fd, void *buf, size_t len, off_t off)
{
	return _nolibc_ret(uk_sys_pread64(fd, buf, len, off));
}
