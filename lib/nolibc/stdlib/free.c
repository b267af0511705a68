/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdlib.h>
#include <uk/alloc.h>

void free(void *ptr)
{
	uk_free(uk_alloc_get_default(), ptr);
}
