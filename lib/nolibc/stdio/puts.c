/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The string and its newline go through one buffer, so that a short line is
 * one console write and no other writer can split it.
 */
#include <string.h>
#include <stdio.h>
#include "stdio_impl.h"

#define PUTS_BUF 256

int puts(const char *s)
{
	char buf[PUTS_BUF];
	struct _nolibc_sink k = { .buf = buf, .cap = sizeof(buf), .f = stdout };

	_nolibc_sink_write(&k, s, strlen(s));
	_nolibc_sink_write(&k, "\n", 1);
	_nolibc_sink_flush(&k);
	return _nolibc_sink_result(&k) < 0 ? EOF : 0;
}
