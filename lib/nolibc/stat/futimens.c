/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/stat.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int futimens(int fd, const struct timespec times[2])
{
	return _nolibc_ret(uk_sys_utimensat(fd, NULL, times, 0));
}
