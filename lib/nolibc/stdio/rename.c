/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int rename(const char *oldpath, const char *newpath)
{
	return _nolibc_ret(uk_sys_renameat2(AT_FDCWD, oldpath, AT_FDCWD, newpath,
					    0));
}
