/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

int dup3(int oldfd, int newfd, int flags)
{
	return _nolibc_ret(uk_sys_dup3(oldfd, newfd, flags));
}
