/* SPDX-License-Identifier: BSD-3-Clause */
#include <ctype.h>

int toupper(int c)
{
	return islower(c) ? c & ~0x20 : c;
}
