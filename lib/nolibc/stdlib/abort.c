/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>
#include <stdlib.h>
#include <uk/plat/lifecycle.h>

/*
 * A crash, not an exit: the shutdown hooks are skipped because the state
 * they would work on is what made the program abort.
 */
void abort(void)
{
	fputs("abort() called\n", stderr);
	uk_plat_terminate(UK_PLAT_CRASH, 0);
}
