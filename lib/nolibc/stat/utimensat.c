/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/stat.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int utimensat(int dirfd, const char *path, const struct timespec times[2],
	      int flags)
{
	/* A NULL path would mean the fd itself: POSIX makes it EFAULT. */
	if (!path)
		return _nolibc_ret(-EFAULT);
	return _nolibc_ret(uk_sys_utimensat(dirfd, path, times, flags));
}
