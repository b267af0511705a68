/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

int fcntl(int fd, int cmd, ...)
{
	unsigned long arg;
	va_list ap;

	/* Every command's argument, when it has one, fits a long. */
	va_start(ap, cmd);
	arg = va_arg(ap, unsigned long);
	va_end(ap);
	return _nolibc_ret(uk_sys_fcntl(fd, cmd, arg));
}
