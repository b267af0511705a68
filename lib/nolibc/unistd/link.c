/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int link(const char *oldpath, const char *newpath)
{
	return _nolibc_ret(uk_sys_linkat(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0));
}
