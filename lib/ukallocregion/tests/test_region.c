/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Region-specific behaviour: objects come back to back from a moving
 * pointer, and free gives nothing back.
 */
#include <uk/alloc.h>
#include <uk/test.h>

#define NPAGES 16

UK_TESTCASE(ukallocregion, bump_and_no_reuse)
{
	struct uk_alloc *h;
	size_t before;
	char *mem, *p, *q;

	mem = uk_palloc(uk_alloc_get_default(), NPAGES);
	UK_TEST_ASSERT_NOT_NULL(mem);
	UK_TEST_ASSERT_INT_EQ(uk_alloc_create(&h, "region", mem,
					      NPAGES * UK_ALLOC_PAGE_SIZE), 0);
	p = uk_malloc(h, 32);
	q = uk_malloc(h, 32);
	UK_TEST_ASSERT_NOT_NULL(p);
	UK_TEST_ASSERT_NOT_NULL(q);
	/* Back to back: 32 bytes and q's 16-byte header in between. */
	UK_TEST_EXPECT_UINT_EQ((uintptr_t)q - (uintptr_t)p, 48);
	before = uk_alloc_free_bytes(h);
	uk_free(h, q);
	/* Nothing came back: the next object goes after q. */
	UK_TEST_EXPECT_UINT_EQ(uk_alloc_free_bytes(h), before);
	p = uk_malloc(h, 32);
	UK_TEST_EXPECT(p > q);
	uk_alloc_destroy(h);
	uk_pfree(uk_alloc_get_default(), mem, NPAGES);
}

UK_TESTCASE(ukallocregion, more_ranges)
{
	struct uk_alloc *h;
	char *mem, *p;
	int i;

	mem = uk_palloc(uk_alloc_get_default(), 2 * NPAGES);
	UK_TEST_ASSERT_NOT_NULL(mem);
	UK_TEST_ASSERT_INT_EQ(uk_alloc_create(&h, "region", mem,
					      NPAGES * UK_ALLOC_PAGE_SIZE), 0);
	UK_TEST_ASSERT_INT_EQ(uk_alloc_addmem(h, mem + NPAGES *
					      UK_ALLOC_PAGE_SIZE,
					      NPAGES * UK_ALLOC_PAGE_SIZE), 0);
	/* More than one range holds: the heap moves on to the second. */
	for (i = 0; i < 3 * NPAGES / 2; i++) {
		p = uk_malloc(h, UK_ALLOC_PAGE_SIZE - 64);
		UK_TEST_ASSERT_NOT_NULL(p);
	}
	UK_TEST_EXPECT(p >= mem + NPAGES * UK_ALLOC_PAGE_SIZE);
	uk_alloc_destroy(h);
	uk_pfree(uk_alloc_get_default(), mem, 2 * NPAGES);
}
