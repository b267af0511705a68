/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
	return _nolibc_ret(uk_sys_fchownat(dirfd, path, uid, gid, flags));
}
