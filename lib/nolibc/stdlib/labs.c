/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdlib.h>

/* As in C, the most negative value has no absolute value (undefined). */
long labs(long x)
{
	return x < 0 ? -x : x;
}
