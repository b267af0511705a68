/* SPDX-License-Identifier: BSD-3-Clause */
#include "stdio_impl.h"

int _nolibc_file_write(FILE *f, const char *buf, size_t len)
{
	int r;

	if (!len)
		return 0;
	r = f->write(f, buf, len);
	if (r < 0)
		f->err = 1;
	return r;
}
