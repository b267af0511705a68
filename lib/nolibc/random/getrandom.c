/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <sys/random.h>
#include <uk/random.h>
#include "../syscall_ret.h"

ssize_t getrandom(void *buf, size_t len, unsigned int flags)
{
	return _nolibc_ret(uk_sys_getrandom(buf, len, flags));
}
