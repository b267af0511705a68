/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>

int fprintf(FILE *__restrict f, const char *__restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfprintf(f, fmt, ap);
	va_end(ap);
	return r;
}
