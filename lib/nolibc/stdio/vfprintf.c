/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Formats into a buffer on the stack and writes it out when it fills up
 * and at the end: a call whose output fits in the buffer is one console
 * write, so it is not interleaved with other writers.
 */
#include <stdio.h>
#include "stdio_impl.h"

#define VFPRINTF_BUF 256

int vfprintf(FILE *__restrict f, const char *__restrict fmt, va_list ap)
{
	char buf[VFPRINTF_BUF];
	struct _nolibc_sink k = { .buf = buf, .cap = sizeof(buf), .f = f };

	_nolibc_vfmt(&k, fmt, ap);
	_nolibc_sink_flush(&k);
	return _nolibc_sink_result(&k);
}
