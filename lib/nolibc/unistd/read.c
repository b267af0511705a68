/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

ssize_t read(int fd, void *buf, size_t len)
{
	return _nolibc_ret(uk_sys_read(fd, buf, len));
}
