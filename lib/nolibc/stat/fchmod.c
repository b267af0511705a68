/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/stat.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int fchmod(int fd, mode_t mode)
{
	return _nolibc_ret(uk_sys_fchmod(fd, mode));
}
