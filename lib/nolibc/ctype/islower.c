/* SPDX-License-Identifier: BSD-3-Clause */
#include <ctype.h>

int islower(int c)
{
	return (unsigned int)c - 'a' < 26;
}
