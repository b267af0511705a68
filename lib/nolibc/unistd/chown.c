/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int chown(const char *path, uid_t uid, gid_t gid)
{
	return _nolibc_ret(uk_sys_fchownat(AT_FDCWD, path, uid, gid, 0));
}
