/* SPDX-License-Identifier: BSD-3-Clause */
#include "stdio_impl.h"

void clearerr(FILE *f)
{
	f->err = 0;
	f->eof = 0;
}
