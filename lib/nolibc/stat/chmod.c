/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int chmod(const char *path, mode_t mode)
{
	return _nolibc_ret(uk_sys_fchmodat(AT_FDCWD, path, mode, 0));
}
