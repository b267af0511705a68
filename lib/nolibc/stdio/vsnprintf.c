/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>
#include "stdio_impl.h"

int vsnprintf(char *__restrict buf, size_t size, const char *__restrict fmt,
	      va_list ap)
{
	/* One byte is kept back for the terminator. */
	struct _nolibc_sink k = { .buf = buf, .cap = size ? size - 1 : 0 };

	_nolibc_vfmt(&k, fmt, ap);
	if (size)
		buf[k.pos] = '\0';
	return _nolibc_sink_result(&k);
}
