/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdlib.h>
#include <uk/alloc.h>

/*
 * C11 only asks for an alignment the implementation supports; like glibc,
 * accept any power of two (small ones are raised to a pointer's size).
 */
void *aligned_alloc(size_t align, size_t size)
{
	void *p;
	int rc;

	if (align < sizeof(void *) && align && !(align & (align - 1)))
		align = sizeof(void *);
	rc = uk_posix_memalign(uk_alloc_get_default(), &p, align, size);
	if (rc) {
		errno = -rc;
		return NULL;
	}
	return p;
}
