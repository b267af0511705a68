/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

int ioctl(int fd, unsigned long req, ...)
{
	void *arg;
	va_list ap;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	return _nolibc_ret(uk_sys_ioctl(fd, req, arg));
}
