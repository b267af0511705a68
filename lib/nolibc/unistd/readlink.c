/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

ssize_t readlink(const char *__restrict path, char *__restrict buf,
		 size_t len)
{
	return _nolibc_ret(uk_sys_readlinkat(AT_FDCWD, path, buf, len));
}
