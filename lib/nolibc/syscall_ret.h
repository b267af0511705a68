/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The edge where Kiln's -errno results become POSIX's: -1 with errno set.
 * Every POSIX wrapper in nolibc returns through it (musl's syscall_ret).
 */
#ifndef _NOLIBC_INTERNAL_SYSCALL_RET_H
#define _NOLIBC_INTERNAL_SYSCALL_RET_H

#include <errno.h>

static inline long _nolibc_ret(long r)
{
	if (r < 0 && r > -4096) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

#endif /* _NOLIBC_INTERNAL_SYSCALL_RET_H */
