/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>

void rewind(FILE *f)
{
	fseeko(f, 0, SEEK_SET);
	clearerr(f);
}
