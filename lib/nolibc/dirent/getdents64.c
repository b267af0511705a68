/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <dirent.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

ssize_t getdents64(int fd, void *buf, size_t len)
{
	return _nolibc_ret(uk_sys_getdents64(fd, buf, len));
}
