/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/epoll.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

int epoll_ctl(int epfd, int op, int fd, struct epoll_event *ev)
{
	return _nolibc_ret(uk_sys_epoll_ctl(epfd, op, fd, ev));
}
