/* SPDX-License-Identifier: BSD-3-Clause */
#include <ctype.h>

int isblank(int c)
{
	return c == ' ' || c == '\t';
}
