/* SPDX-License-Identifier: BSD-3-Clause */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

void __assert_fail(const char *expr, const char *file, int line,
		   const char *func)
{
	fprintf(stderr, "Assertion failed: %s (%s:%d: %s)\n", expr, file, line,
		func);
	abort();
}
