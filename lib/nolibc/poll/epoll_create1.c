/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/epoll.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

int epoll_create1(int flags)
{
	return _nolibc_ret(uk_sys_epoll_create1(flags));
}
