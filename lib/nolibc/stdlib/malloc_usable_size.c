/* SPDX-License-Identifier: BSD-3-Clause */
#include <malloc.h>
#include <uk/alloc.h>

size_t malloc_usable_size(void *ptr)
{
	return uk_alloc_usable_size(uk_alloc_get_default(), ptr);
}
