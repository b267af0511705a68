/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TLSF-specific behaviour, through the public API on a private heap: small
 * objects cost a 16-byte header (no page per malloc), freed neighbours
 * merge, and fragmentation left by a checkerboard of frees disappears
 * once the other half is freed too.
 */
#include <string.h>
#include <uk/alloc.h>
#include <uk/test.h>

#define NPAGES 64

static struct uk_alloc *heap_new(void **mem)
{
	struct uk_alloc *h = NULL;

	*mem = uk_palloc(uk_alloc_get_default(), NPAGES);
	if (*mem && uk_alloc_create(&h, "tlsf", *mem,
				    NPAGES * UK_ALLOC_PAGE_SIZE) < 0)
		h = NULL;
	return h;
}

static void heap_del(struct uk_alloc *h, void *mem)
{
	uk_alloc_destroy(h);
	uk_pfree(uk_alloc_get_default(), mem, NPAGES);
}

UK_TESTCASE(ukalloctlsf, small_objects_are_small)
{
	enum { N = 1000 };
	static void *p[N];
	size_t before, after;
	struct uk_alloc *h;
	void *mem;
	int i;

	h = heap_new(&mem);
	UK_TEST_ASSERT_NOT_NULL(h);
	before = uk_alloc_free_bytes(h);
	for (i = 0; i < N; i++) {
		p[i] = uk_malloc(h, 16);
		UK_TEST_ASSERT_NOT_NULL(p[i]);
	}
	after = uk_alloc_free_bytes(h);
	/* 16 bytes of payload and 16 of header each. */
	UK_TEST_EXPECT_UINT_EQ(before - after, N * 32);
	UK_TEST_EXPECT_UINT_EQ(uk_alloc_usable_size(h, p[0]), 16);
	/* Consecutive requests are carved from one block, back to back. */
	UK_TEST_EXPECT_UINT_EQ((uintptr_t)p[1] - (uintptr_t)p[0], 32);
	for (i = 0; i < N; i++)
		uk_free(h, p[i]);
	UK_TEST_EXPECT_UINT_EQ(uk_alloc_free_bytes(h), before);
	heap_del(h, mem);
}

UK_TESTCASE(ukalloctlsf, checkerboard_fragmentation)
{
	enum { N = 200, SZ = 512 };
	static void *p[N];
	size_t total;
	struct uk_alloc *h;
	void *mem, *big;
	int i;

	h = heap_new(&mem);
	UK_TEST_ASSERT_NOT_NULL(h);
	total = uk_alloc_free_bytes(h);
	for (i = 0; i < N; i++)
		p[i] = uk_malloc(h, SZ);
	/* Free every other block: much free memory, all in small holes. */
	for (i = 0; i < N; i += 2)
		uk_free(h, p[i]);
	UK_TEST_EXPECT(uk_alloc_free_bytes(h) > (N / 2) * SZ);
	big = uk_malloc(h, total - N * (SZ + 16) + SZ);
	UK_TEST_EXPECT_NULL(big);
	/* A hole is reused for a block of its size. */
	big = uk_malloc(h, SZ);
	for (i = 0; i < N && big != p[i]; i += 2)
		;
	UK_TEST_EXPECT_INT_LT(i, N);
	uk_free(h, big);
	/* Free the rest: the holes merge into one block again. */
	for (i = 1; i < N; i += 2)
		uk_free(h, p[i]);
	UK_TEST_EXPECT_UINT_EQ(uk_alloc_free_bytes(h), total);
	/*
	 * Good fit, not best fit: a request is rounded up to its size
	 * class (at most 1/16 more), so ask for a little less than all.
	 */
	big = uk_malloc(h, total - total / 16);
	UK_TEST_EXPECT_NOT_NULL(big);
	uk_free(h, big);
	heap_del(h, mem);
}

UK_TESTCASE(ukalloctlsf, realloc_in_place)
{
	struct uk_alloc *h;
	void *mem, *p, *q;

	h = heap_new(&mem);
	UK_TEST_ASSERT_NOT_NULL(h);
	p = uk_malloc(h, 100);
	/* Followed by free space: growing and shrinking stay in place. */
	q = uk_realloc(h, p, 5000);
	UK_TEST_EXPECT_PTR_EQ(q, p);
	q = uk_realloc(h, p, 50);
	UK_TEST_EXPECT_PTR_EQ(q, p);
	UK_TEST_EXPECT_UINT_EQ(uk_alloc_usable_size(h, q), 64);
	uk_free(h, q);
	heap_del(h, mem);
}
