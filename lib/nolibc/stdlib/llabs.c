/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdlib.h>

/* As in C, the most negative value has no absolute value (undefined). */
long long llabs(long long x)
{
	return x < 0 ? -x : x;
}
