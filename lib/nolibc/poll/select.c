/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/select.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

int select(int nfds, fd_set *__restrict rfds, fd_set *__restrict wfds,
	   fd_set *__restrict efds, struct timeval *__restrict timeout)
{
	return _nolibc_ret(uk_sys_select(nfds, rfds, wfds, efds, timeout));
}
