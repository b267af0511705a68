/* SPDX-License-Identifier: BSD-3-Clause */
#include <ctype.h>

/* ' ' and '\t' '\n' '\v' '\f' '\r', which are 9..13. */
int isspace(int c)
{
	return c == ' ' || (unsigned int)c - '\t' < 5;
}
