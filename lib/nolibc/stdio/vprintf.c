/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>

int vprintf(const char *__restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}
