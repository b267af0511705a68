/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdlib.h>

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}
