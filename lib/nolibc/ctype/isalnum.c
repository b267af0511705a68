/* SPDX-License-Identifier: BSD-3-Clause */
#include <ctype.h>

int isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}
