/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/stat.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

int fstat(int fd, struct stat *st)
{
	return _nolibc_ret(uk_sys_fstat(fd, st));
}
