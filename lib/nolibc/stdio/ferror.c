/* SPDX-License-Identifier: BSD-3-Clause */
#include "stdio_impl.h"

int ferror(FILE *f)
{
	return f->err;
}
