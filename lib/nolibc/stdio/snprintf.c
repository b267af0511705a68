/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>

int snprintf(char *__restrict buf, size_t size, const char *__restrict fmt,
	     ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return r;
}
