/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <uk/fdtab.h>
#include "../syscall_ret.h"

off_t lseek(int fd, off_t off, int whence)
{
	return _nolibc_ret(uk_sys_lseek(fd, off, whence));
}
