/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdlib.h>
#include <uk/boot.h>

/*
 * stdout and stderr are unbuffered, so there is nothing to flush: ukboot
 * runs the shutdown hooks and halts with @status.
 */
void exit(int status)
{
	uk_boot_exit(status);
}
