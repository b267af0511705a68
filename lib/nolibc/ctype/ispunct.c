/* SPDX-License-Identifier: BSD-3-Clause */
#include <ctype.h>

int ispunct(int c)
{
	return isgraph(c) && !isalnum(c);
}
