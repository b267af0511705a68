/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include "stdio_impl.h"

/*
 * The console writes everything or fails without saying how much got out,
 * so a failure counts as no item written.
 */
size_t fwrite(const void *__restrict ptr, size_t size, size_t nmemb,
	      FILE *__restrict f)
{
	int r;

	if (!size || !nmemb)
		return 0;
	if (nmemb > SIZE_MAX / size) {
		errno = EOVERFLOW;
		return 0;
	}
	r = _nolibc_file_write(f, ptr, size * nmemb);
	if (r < 0) {
		errno = -r;
		return 0;
	}
	return nmemb;
}
