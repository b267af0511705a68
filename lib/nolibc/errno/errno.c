/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One errno for the whole image until there are threads. Weak, so that a
 * scheduler library can provide a per-thread __errno_location() instead.
 */
#include <errno.h>

static int errno_value;

__attribute__((weak)) int *__errno_location(void)
{
	return &errno_value;
}
