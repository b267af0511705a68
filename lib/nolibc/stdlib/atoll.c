/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdlib.h>

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}
