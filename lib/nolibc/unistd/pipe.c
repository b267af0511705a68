/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

int pipe(int fds[2])
{
	return _nolibc_ret(uk_sys_pipe2(fds, 0));
}
