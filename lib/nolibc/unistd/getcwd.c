/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

char *getcwd(char *buf, size_t size)
{
	return _nolibc_ret(uk_sys_getcwd(buf, size)) < 0 ? NULL : buf;
}
