/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int unlink(const char *path)
{
	return _nolibc_ret(uk_sys_unlinkat(AT_FDCWD, path, 0));
}
