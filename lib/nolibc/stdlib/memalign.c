/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>

/* The obsolete glibc spelling of aligned_alloc(). */
void *memalign(size_t align, size_t size)
{
	return aligned_alloc(align, size);
}
