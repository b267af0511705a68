/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/stat.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int fstatat(int dirfd, const char *__restrict path,
	    struct stat *__restrict st, int flags)
{
	return _nolibc_ret(uk_sys_newfstatat(dirfd, path, st, flags));
}
