/* SPDX-License-Identifier: BSD-3-Clause */
/* Private heaps for the ukalloc tests (test_alloc.c). */
#ifndef UKALLOC_TEST_HEAP_H
#define UKALLOC_TEST_HEAP_H

#include <uk/alloc.h>

/*
 * A heap of backend @backend over @npages pages taken from the default
 * heap (returned in *@mem); NULL when either fails.
 */
struct uk_alloc *alloc_test_heap_new(const char *backend, size_t npages,
				     void **mem);
/* Forget the heap and give its pages back to the default heap. */
void alloc_test_heap_del(struct uk_alloc *h, void *mem, size_t npages);

#endif /* UKALLOC_TEST_HEAP_H */
