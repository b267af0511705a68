/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>

int fseek(FILE *f, long off, int whence)
{
	return fseeko(f, off, whence);
}
