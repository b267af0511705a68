/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int access(const char *path, int mode)
{
	return _nolibc_ret(uk_sys_faccessat2(AT_FDCWD, path, mode, 0));
}
