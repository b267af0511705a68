/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <poll.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	return _nolibc_ret(uk_sys_poll(fds, nfds, timeout));
}
