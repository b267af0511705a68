/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/eventfd.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

int eventfd(unsigned int initval, int flags)
{
	return _nolibc_ret(uk_sys_eventfd2(initval, flags));
}
