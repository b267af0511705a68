/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <unistd.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "../syscall_ret.h"

int renameat(int olddirfd, const char *oldpath, int newdirfd,
	     const char *newpath)
{
	return _nolibc_ret(uk_sys_renameat2(olddirfd, oldpath, newdirfd, newpath,
					    0));
}
