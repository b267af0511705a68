/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>

int putchar(int c)
{
	return fputc(c, stdout);
}
