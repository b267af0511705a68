/* SPDX-License-Identifier: BSD-3-Clause */
#include <ctype.h>

int isupper(int c)
{
	return (unsigned int)c - 'A' < 26;
}
