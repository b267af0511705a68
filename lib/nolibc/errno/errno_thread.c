/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <uk/sched.h>

/*
 * With a scheduler in the image, errno is per thread: this strong
 * definition replaces the weak one-global-variable default (errno.c).
 */
int *__errno_location(void)
{
	return uk_thread_errno_location();
}
