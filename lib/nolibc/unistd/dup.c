/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

int dup(int fd)
{
	return _nolibc_ret(uk_sys_dup(fd));
}
