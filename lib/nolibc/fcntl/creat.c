/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <fcntl.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int creat(const char *path, mode_t mode)
{
	return _nolibc_ret(uk_sys_openat(AT_FDCWD, path,
					 O_CREAT | O_WRONLY | O_TRUNC, mode));
}
