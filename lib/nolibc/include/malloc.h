/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * glibc's malloc.h extras: memalign() and malloc_usable_size(). Present
 * when the image has an allocator (CONFIG_LIBUKALLOC).
 */
#ifndef _NOLIBC_MALLOC_H
#define _NOLIBC_MALLOC_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

void *memalign(size_t align, size_t size);
size_t malloc_usable_size(void *ptr);

#ifdef __cplusplus
}
#endif

#endif /* _NOLIBC_MALLOC_H */
