/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>

long ftell(FILE *f)
{
	return ftello(f);
}
