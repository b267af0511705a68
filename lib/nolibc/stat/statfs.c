/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/statfs.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int statfs(const char *path, struct statfs *buf)
{
	return _nolibc_ret(uk_sys_statfs(path, buf));
}
