/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int symlink(const char *target, const char *linkpath)
{
	return _nolibc_ret(uk_sys_symlinkat(target, AT_FDCWD, linkpath));
}
