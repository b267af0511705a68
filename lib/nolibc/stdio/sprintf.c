/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>

int sprintf(char *__restrict buf, const char *__restrict fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsprintf(buf, fmt, ap);
	va_end(ap);
	return r;
}
