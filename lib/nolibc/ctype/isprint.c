/* SPDX-License-Identifier: BSD-3-Clause */
#include <ctype.h>

/* ' ' (0x20) to '~' (0x7e). */
int isprint(int c)
{
	return (unsigned int)c - 0x20 < 0x5f;
}
