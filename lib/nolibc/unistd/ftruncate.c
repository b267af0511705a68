/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int ftruncate(int fd, off_t len)
{
	return _nolibc_ret(uk_sys_ftruncate(fd, len));
}
