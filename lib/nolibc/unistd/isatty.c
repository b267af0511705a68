/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

int isatty(int fd)
{
	char termios[60];

	return _nolibc_ret(uk_sys_ioctl(fd, TCGETS, termios)) == 0;
}
