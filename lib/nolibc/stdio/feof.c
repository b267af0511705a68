/* SPDX-License-Identifier: BSD-3-Clause */
#include "stdio_impl.h"

int feof(FILE *f)
{
	return f->eof;
}
