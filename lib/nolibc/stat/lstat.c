/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int lstat(const char *__restrict path, struct stat *__restrict st)
{
	return _nolibc_ret(uk_sys_newfstatat(AT_FDCWD, path, st,
					     AT_SYMLINK_NOFOLLOW));
}
