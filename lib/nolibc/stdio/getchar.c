/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>

int getchar(void)
{
	return fgetc(stdin);
}
