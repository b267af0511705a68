/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdlib.h>
#include <uk/alloc.h>

/* POSIX returns the error number and leaves errno alone. */
int posix_memalign(void **memptr, size_t align, size_t size)
{
	return -uk_posix_memalign(uk_alloc_get_default(), memptr, align,
				  size);
}
