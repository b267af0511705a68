/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/eventfd.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

int eventfd_read(int fd, eventfd_t *value)
{
	return _nolibc_ret(uk_sys_read(fd, value, sizeof(*value))) ==
		       sizeof(*value)
	       ? 0
	       : -1;
}
