/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/stat.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int statx(int dirfd, const char *__restrict path, int flags,
	  unsigned int mask, struct statx *__restrict stx)
{
	return _nolibc_ret(uk_sys_statx(dirfd, path, flags, mask, stx));
}
