/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Buddy-specific behaviour, through the public API on a private heap:
 * requests round up to a power of two of pages, split blocks merge back
 * with their buddies, and fragmentation is undone once buddies are free.
 */
#include <string.h>
#include <uk/alloc.h>
#include <uk/test.h>

#define NPAGES 130	/* 128 usable pages after the zone bitmap */

static struct uk_alloc *heap_new(void **mem)
{
	struct uk_alloc *h = NULL;

	*mem = uk_palloc(uk_alloc_get_default(), NPAGES);
	if (*mem && uk_alloc_create(&h, "buddy", *mem,
				    NPAGES * UK_ALLOC_PAGE_SIZE) < 0)
		h = NULL;
	return h;
}

static void heap_del(struct uk_alloc *h, void *mem)
{
	uk_alloc_destroy(h);
	uk_pfree(uk_alloc_get_default(), mem, NPAGES);
}

static size_t free_pages(struct uk_alloc *h)
{
	return uk_alloc_free_bytes(h) / UK_ALLOC_PAGE_SIZE;
}

UK_TESTCASE(ukallocbuddy, power_of_two_blocks)
{
	struct uk_alloc *h;
	size_t before;
	void *mem, *p;

	h = heap_new(&mem);
	UK_TEST_ASSERT_NOT_NULL(h);
	before = free_pages(h);
	/* 3 pages take a 4-page block... */
	p = uk_palloc(h, 3);
	UK_TEST_ASSERT_NOT_NULL(p);
	UK_TEST_EXPECT_UINT_EQ(before - free_pages(h), 4);
	uk_pfree(h, p, 3);
	UK_TEST_EXPECT_UINT_EQ(free_pages(h), before);
	/* ...and a malloc takes at least one page (header included). */
	p = uk_malloc(h, 16);
	UK_TEST_ASSERT_NOT_NULL(p);
	UK_TEST_EXPECT_UINT_EQ(before - free_pages(h), 1);
	UK_TEST_EXPECT_UINT_EQ(uk_alloc_usable_size(h, p),
			       UK_ALLOC_PAGE_SIZE - 16);
	uk_free(h, p);
	p = uk_malloc(h, UK_ALLOC_PAGE_SIZE);
	UK_TEST_EXPECT_UINT_EQ(before - free_pages(h), 2);
	uk_free(h, p);
	heap_del(h, mem);
}

UK_TESTCASE(ukallocbuddy, buddies_merge)
{
	enum { MAXP = 256 };
	static void *p[MAXP];
	struct uk_alloc *h;
	size_t before;
	void *mem, *big;
	int i, n;

	h = heap_new(&mem);
	UK_TEST_ASSERT_NOT_NULL(h);
	before = free_pages(h);
	/* Take every page, one at a time. */
	for (n = 0; n < MAXP; n++) {
		p[n] = uk_palloc(h, 1);
		if (!p[n])
			break;
	}
	UK_TEST_EXPECT_UINT_EQ(n, before);
	UK_TEST_EXPECT_UINT_EQ(free_pages(h), 0);
	/* Every other page free: half the heap, but no two buddies. */
	for (i = 0; i < n; i += 2)
		uk_pfree(h, p[i], 1);
	UK_TEST_EXPECT_UINT_EQ(free_pages(h), before - n / 2);
	big = uk_palloc(h, 2);
	UK_TEST_EXPECT_NULL(big);
	/* Free the other half: the buddies merge up to large blocks. */
	for (i = 1; i < n; i += 2)
		uk_pfree(h, p[i], 1);
	UK_TEST_EXPECT_UINT_EQ(free_pages(h), before);
	big = uk_palloc(h, 64);
	UK_TEST_EXPECT_NOT_NULL(big);
	uk_pfree(h, big, 64);
	heap_del(h, mem);
}
