/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Allocator figures. Each backend gets a fresh heap over the same memory
 * (taken once from the default heap), so they all work on the same
 * addresses. Two patterns per size:
 *   pair:  malloc then free at once (the hot path of most programs);
 *   batch: BENCH_BATCH mallocs, then as many frees, in order.
 * The region backend never reuses memory, so its heap is rebuilt between
 * timed chunks (creating it is a few stores; the rebuild is not timed).
 * "libc" is nolibc's malloc()/free() on the default heap: the same work
 * plus the call through the libc edge.
 */
#include <stdlib.h>
#include <uk/alloc.h>
#include "micro.h"
#include "bench.h"

#define HEAP_BYTES (96UL << 20)

static struct {
	void *mem;
	struct uk_alloc *heap;
	void *objs[BENCH_BATCH];
} b;

static int heap_fresh(const char *backend)
{
	if (b.heap)
		uk_alloc_destroy(b.heap);
	b.heap = NULL;
	return uk_alloc_create(&b.heap, backend, b.mem, HEAP_BYTES);
}

/* Does the backend take freed memory back? */
static int reuses(void)
{
	size_t before = uk_alloc_free_bytes(b.heap);

	uk_free(b.heap, uk_malloc(b.heap, 64));
	return uk_alloc_free_bytes(b.heap) == before;
}

/* How many objects of @size one fresh heap surely holds. */
static unsigned long heap_holds(unsigned long size)
{
	return HEAP_BYTES / (2 * (size + 4096));
}

static int pairs(const char *be, unsigned long size, __nsec *ns)
{
	unsigned long done = 0, k, i, chunk;
	int reuse = reuses();
	__nsec t0;
	char *p;

	chunk = reuse ? BENCH_PAIRS : heap_holds(size);
	*ns = 0;
	while (done < BENCH_PAIRS) {
		if (!reuse && heap_fresh(be))
			return 1;
		k = MIN(chunk, BENCH_PAIRS - done);
		t0 = uk_time_monotonic();
		for (i = 0; i < k; i++) {
			p = uk_malloc(b.heap, size);
			if (!p)
				return 1;
			*(volatile char *)p = 1;
			uk_free(b.heap, p);
		}
		*ns += uk_time_monotonic() - t0;
		done += k;
	}
	return 0;
}

static int batches(const char *be, unsigned long size, __nsec *ns)
{
	unsigned long round, i, in_heap = 0;
	int reuse = reuses();
	__nsec t0;

	*ns = 0;
	for (round = 0; round < BENCH_ROUNDS; round++) {
		if (!reuse && (in_heap += BENCH_BATCH) > heap_holds(size)) {
			if (heap_fresh(be))
				return 1;
			in_heap = BENCH_BATCH;
		}
		t0 = uk_time_monotonic();
		for (i = 0; i < BENCH_BATCH; i++) {
			b.objs[i] = uk_malloc(b.heap, size);
			if (!b.objs[i])
				return 1;
			*(volatile char *)b.objs[i] = 1;
		}
		for (i = 0; i < BENCH_BATCH; i++)
			uk_free(b.heap, b.objs[i]);
		*ns += uk_time_monotonic() - t0;
	}
	return 0;
}

/* nolibc's malloc on the default heap: the libc edge included. */
static void libc_pairs(unsigned long size)
{
	__nsec t0 = uk_time_monotonic();
	unsigned long i;
	char *p;

	for (i = 0; i < BENCH_PAIRS; i++) {
		p = malloc(size);
		*(volatile char *)p = 1;
		free(p);
	}
	bench_print("malloc_free_pair", "libc", size,
		    uk_time_monotonic() - t0, BENCH_PAIRS);
}

int bench_alloc(void)
{
	const char *be;
	unsigned int i, s;
	__nsec ns;

	b.mem = uk_palloc(uk_alloc_get_default(), HEAP_BYTES >> 12);
	if (!b.mem) {
		fprintf(stderr, "microbench: no memory for the test heaps: run with -m 256M\n");
		return 1;
	}
	for (i = 0; (be = uk_alloc_backend_name(i)) != NULL; i++) {
		for (s = 0; s < BENCH_NSIZES; s++) {
			if (heap_fresh(be) || pairs(be, bench_sizes[s], &ns))
				goto err;
			bench_print("malloc_free_pair", be, bench_sizes[s], ns,
				    BENCH_PAIRS);
			if (heap_fresh(be) ||
			    batches(be, bench_sizes[s], &ns))
				goto err;
			bench_print("malloc_free_batch", be, bench_sizes[s],
				    ns, BENCH_ROUNDS * BENCH_BATCH);
		}
	}
	uk_alloc_destroy(b.heap);
	b.heap = NULL;
	uk_pfree(uk_alloc_get_default(), b.mem, HEAP_BYTES >> 12);
	for (s = 0; s < BENCH_NSIZES; s++)
		libc_pairs(bench_sizes[s]);
	return 0;
err:
	fprintf(stderr, "microbench: %s: allocation failed\n", be);
	return 1;
}
