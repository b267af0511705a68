/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdlib.h>
#include <uk/alloc.h>

void *calloc(size_t nmemb, size_t size)
{
	void *p = uk_calloc(uk_alloc_get_default(), nmemb, size);

	if (!p)
		errno = ENOMEM;
	return p;
}
