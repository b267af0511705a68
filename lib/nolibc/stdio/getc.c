/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>

int getc(FILE *f)
{
	return fgetc(f);
}
