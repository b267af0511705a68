/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/epoll.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

int epoll_wait(int epfd, struct epoll_event *evs, int maxevents,
	       int timeout)
{
	return _nolibc_ret(uk_sys_epoll_wait(epfd, evs, maxevents, timeout));
}
