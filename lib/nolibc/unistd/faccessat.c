/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int faccessat(int dirfd, const char *path, int mode, int flags)
{
	return _nolibc_ret(uk_sys_faccessat2(dirfd, path, mode, flags));
}
