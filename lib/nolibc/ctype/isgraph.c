/* SPDX-License-Identifier: BSD-3-Clause */
#include <ctype.h>

/* Printable characters other than ' '. */
int isgraph(int c)
{
	return (unsigned int)c - 0x21 < 0x5e;
}
