/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int linkat(int olddirfd, const char *oldpath, int newdirfd,
	   const char *newpath, int flags)
{
	return _nolibc_ret(uk_sys_linkat(olddirfd, oldpath, newdirfd, newpath,
					 flags));
}
