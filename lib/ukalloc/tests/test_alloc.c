/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukalloc conformance tests. Each case runs against every backend linked
 * into the image, on a private heap carved out of the default heap, so an
 * exhausted or broken test heap never harms the rest of the image.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/test.h>
#include "test_heap.h"

struct uk_alloc *alloc_test_heap_new(const char *backend, size_t npages,
				     void **mem)
{
	struct uk_alloc *h;

	*mem = uk_palloc(uk_alloc_get_default(), npages);
	if (!*mem)
		return NULL;
	if (uk_alloc_create(&h, backend, *mem,
			    npages << UK_ALLOC_PAGE_SHIFT) < 0) {
		uk_pfree(uk_alloc_get_default(), *mem, npages);
		return NULL;
	}
	return h;
}

void alloc_test_heap_del(struct uk_alloc *h, void *mem, size_t npages)
{
	uk_alloc_destroy(h);
	uk_pfree(uk_alloc_get_default(), mem, npages);
}

/* Does the backend take freed memory back? (The region backend does not.) */
static int reuses(struct uk_alloc *h)
{
	size_t before = uk_alloc_free_bytes(h), after;
	void *p = uk_malloc(h, 4096);

	uk_free(h, p);
	after = uk_alloc_free_bytes(h);
	return p && after == before;
}

#define FOREACH_BACKEND(i, name)                                             \
	for ((i) = 0; ((name) = uk_alloc_backend_name(i)) != NULL; (i)++)

UK_TESTCASE(ukalloc, default_heap)
{
	struct uk_alloc *a = uk_alloc_get_default(), *it;
	int found = 0;

	/* Boot made the default heap from the bootinfo's free memory. */
	UK_TEST_ASSERT_NOT_NULL(a);
	UK_TEST_EXPECT_STR_EQ(uk_alloc_backend_of(a),
			      CONFIG_LIBUKALLOC_DEFAULT_BACKEND);
	UK_TEST_EXPECT(uk_alloc_free_bytes(a) > 0);
	uk_alloc_foreach(it)
		found += it == a;
	UK_TEST_EXPECT_INT_EQ(found, 1);
	/* The default heap cannot be destroyed. */
	UK_TEST_EXPECT_INT_EQ(uk_alloc_destroy(a), -EBUSY);
}

UK_TESTCASE(ukalloc, create_errors)
{
	char small[64];
	struct uk_alloc *h;

	UK_TEST_EXPECT_INT_EQ(uk_alloc_create(&h, "no-such-backend", small,
					      sizeof(small)), -ENOENT);
	UK_TEST_EXPECT_INT_EQ(uk_alloc_create(&h,
					      CONFIG_LIBUKALLOC_DEFAULT_BACKEND,
					      small, 8), -EINVAL);
	/* A NULL heap has no memory and ignores frees. */
	UK_TEST_EXPECT_NULL(uk_malloc(NULL, 1));
	UK_TEST_EXPECT_NULL(uk_palloc(NULL, 1));
	uk_free(NULL, small);
}

UK_TESTCASE(ukalloc, malloc_basic)
{
	static const size_t sizes[] = { 0, 1, 15, 16, 17, 100, 255, 256,
					257, 1000, 4095, 4096, 4097, 65536 };
	unsigned int i, j;
	const char *be;
	void *mem, *p[ARRAY_SIZE(sizes)], *z1, *z2;
	struct uk_alloc *h;

	FOREACH_BACKEND(i, be) {
		h = alloc_test_heap_new(be, 256, &mem);
		UK_TEST_ASSERT_NOT_NULL(h);
		UK_TEST_EXPECT_STR_EQ(uk_alloc_backend_of(h), be);
		for (j = 0; j < ARRAY_SIZE(sizes); j++) {
			p[j] = uk_malloc(h, sizes[j]);
			UK_TEST_ASSERT_NOT_NULL(p[j]);
			UK_TEST_EXPECT_UINT_EQ((uintptr_t)p[j] %
					       UK_ALLOC_MIN_ALIGN, 0);
			UK_TEST_EXPECT(uk_alloc_usable_size(h, p[j]) >=
				       sizes[j]);
			memset(p[j], 0xa0 + j, sizes[j]);
		}
		/* Nothing overwrote anything: every fill is intact. */
		for (j = 0; j < ARRAY_SIZE(sizes); j++) {
			size_t k;
			int bad = 0;

			for (k = 0; k < sizes[j]; k++)
				bad |= ((unsigned char *)p[j])[k] != 0xa0 + j;
			UK_TEST_EXPECT_INT_EQ(bad, 0);
			uk_free(h, p[j]);
		}
		/* malloc(0) gives distinct, freeable pointers. */
		z1 = uk_malloc(h, 0);
		z2 = uk_malloc(h, 0);
		UK_TEST_EXPECT_NOT_NULL(z1);
		UK_TEST_EXPECT_PTR_NE(z1, z2);
		uk_free(h, z1);
		uk_free(h, z2);
		uk_free(h, NULL);
		alloc_test_heap_del(h, mem, 256);
	}
}

UK_TESTCASE(ukalloc, calloc_zero_and_overflow)
{
	unsigned int i;
	const char *be;
	struct uk_alloc *h;
	unsigned char *p;
	void *mem;
	size_t k;
	int nonzero = 0;

	FOREACH_BACKEND(i, be) {
		h = alloc_test_heap_new(be, 64, &mem);
		UK_TEST_ASSERT_NOT_NULL(h);
		/* Dirty memory first, so that calloc has to clear it. */
		p = uk_malloc(h, 1000);
		UK_TEST_ASSERT_NOT_NULL(p);
		memset(p, 0xff, 1000);
		uk_free(h, p);
		p = uk_calloc(h, 10, 100);
		UK_TEST_ASSERT_NOT_NULL(p);
		for (k = 0; k < 1000; k++)
			nonzero |= p[k];
		UK_TEST_EXPECT_INT_EQ(nonzero, 0);
		uk_free(h, p);
		UK_TEST_EXPECT_NULL(uk_calloc(h, SIZE_MAX / 2, 3));
		UK_TEST_EXPECT_NULL(uk_calloc(h, SIZE_MAX, SIZE_MAX));
		alloc_test_heap_del(h, mem, 64);
	}
}

UK_TESTCASE(ukalloc, memalign)
{
	unsigned int i;
	size_t align;
	const char *be;
	struct uk_alloc *h;
	void *mem, *p, *q;

	FOREACH_BACKEND(i, be) {
		h = alloc_test_heap_new(be, 512, &mem);
		UK_TEST_ASSERT_NOT_NULL(h);
		for (align = 8; align <= 256 * 1024; align <<= 1) {
			/* An odd-sized neighbour shifts the free space. */
			q = uk_malloc(h, 24);
			UK_TEST_EXPECT_INT_EQ(uk_posix_memalign(h, &p, align,
								100), 0);
			UK_TEST_EXPECT_UINT_EQ((uintptr_t)p % align, 0);
			UK_TEST_EXPECT(uk_alloc_usable_size(h, p) >= 100);
			memset(p, 0x5a, 100);
			uk_free(h, p);
			uk_free(h, q);
		}
		p = uk_memalign(h, 4096, 5000);
		UK_TEST_EXPECT_NOT_NULL(p);
		UK_TEST_EXPECT_UINT_EQ((uintptr_t)p % 4096, 0);
		uk_free(h, p);
		/* Not a power of two, or smaller than a pointer. */
		UK_TEST_EXPECT_INT_EQ(uk_posix_memalign(h, &p, 0, 8), -EINVAL);
		UK_TEST_EXPECT_INT_EQ(uk_posix_memalign(h, &p, 4, 8), -EINVAL);
		UK_TEST_EXPECT_INT_EQ(uk_posix_memalign(h, &p, 24, 8),
				      -EINVAL);
		UK_TEST_EXPECT_NULL(uk_memalign(h, 48, 8));
		/* More than the heap holds. */
		UK_TEST_EXPECT_INT_EQ(uk_posix_memalign(h, &p, 64, 4 << 20),
				      -ENOMEM);
		alloc_test_heap_del(h, mem, 512);
	}
}

UK_TESTCASE(ukalloc, realloc)
{
	unsigned int i, k;
	const char *be;
	struct uk_alloc *h;
	unsigned char *p, *q;
	void *mem;
	int bad;

	FOREACH_BACKEND(i, be) {
		h = alloc_test_heap_new(be, 256, &mem);
		UK_TEST_ASSERT_NOT_NULL(h);
		/* realloc(NULL, n) is malloc(n). */
		p = uk_realloc(h, NULL, 40);
		UK_TEST_ASSERT_NOT_NULL(p);
		for (k = 0; k < 40; k++)
			p[k] = k;
		/* Grow step by step, then shrink: the prefix stays. */
		for (size_t n = 64; n <= 128 * 1024; n *= 4) {
			q = uk_realloc(h, p, n);
			UK_TEST_ASSERT_NOT_NULL(q);
			p = q;
			bad = 0;
			for (k = 0; k < 40; k++)
				bad |= p[k] != k;
			UK_TEST_EXPECT_INT_EQ(bad, 0);
			UK_TEST_EXPECT(uk_alloc_usable_size(h, p) >= n);
		}
		q = uk_realloc(h, p, 20);
		UK_TEST_ASSERT_NOT_NULL(q);
		p = q;
		bad = 0;
		for (k = 0; k < 20; k++)
			bad |= p[k] != k;
		UK_TEST_EXPECT_INT_EQ(bad, 0);
		/* A failed realloc leaves the object alone. */
		UK_TEST_EXPECT_NULL(uk_realloc(h, p, 64 << 20));
		UK_TEST_EXPECT_INT_EQ(p[19], 19);
		/* realloc(p, 0) frees p. */
		UK_TEST_EXPECT_NULL(uk_realloc(h, p, 0));
		alloc_test_heap_del(h, mem, 256);
	}
}

UK_TESTCASE(ukalloc, pages)
{
	unsigned int i;
	const char *be;
	struct uk_alloc *h;
	unsigned char *p, *q;
	void *mem;

	FOREACH_BACKEND(i, be) {
		h = alloc_test_heap_new(be, 256, &mem);
		UK_TEST_ASSERT_NOT_NULL(h);
		p = uk_palloc(h, 1);
		q = uk_palloc(h, 5);
		UK_TEST_ASSERT_NOT_NULL(p);
		UK_TEST_ASSERT_NOT_NULL(q);
		UK_TEST_EXPECT_UINT_EQ((uintptr_t)p % UK_ALLOC_PAGE_SIZE, 0);
		UK_TEST_EXPECT_UINT_EQ((uintptr_t)q % UK_ALLOC_PAGE_SIZE, 0);
		/* The pages are whole and do not overlap. */
		memset(p, 1, UK_ALLOC_PAGE_SIZE);
		memset(q, 2, 5 * UK_ALLOC_PAGE_SIZE);
		UK_TEST_EXPECT_INT_EQ(p[UK_ALLOC_PAGE_SIZE - 1], 1);
		UK_TEST_EXPECT_INT_EQ(q[0], 2);
		UK_TEST_EXPECT_NULL(uk_palloc(h, 0));
		UK_TEST_EXPECT_NULL(uk_palloc(h, 1000));
		uk_pfree(h, p, 1);
		uk_pfree(h, q, 5);
		alloc_test_heap_del(h, mem, 256);
	}
}

UK_TESTCASE(ukalloc, stats)
{
	struct uk_alloc_stats st0, st1, st2;
	unsigned int i;
	const char *be;
	struct uk_alloc *h;
	void *mem, *p, *q;

	FOREACH_BACKEND(i, be) {
		h = alloc_test_heap_new(be, 128, &mem);
		UK_TEST_ASSERT_NOT_NULL(h);
		if (uk_alloc_stats_get(h, &st0) == -ENOTSUP) {
			alloc_test_heap_del(h, mem, 128);
			return;
		}
		/* before: an empty heap */
		UK_TEST_EXPECT_UINT_EQ(st0.cur_bytes, 0);
		UK_TEST_EXPECT_UINT_EQ(st0.nr_allocs, 0);
		UK_TEST_EXPECT(st0.free_pages > 0);
		p = uk_malloc(h, 1000);
		q = uk_palloc(h, 2);
		UK_TEST_ASSERT_NOT_NULL(p);
		UK_TEST_ASSERT_NOT_NULL(q);
		uk_alloc_stats_get(h, &st1);
		/* after: both counted, usable sizes in bytes */
		UK_TEST_EXPECT_UINT_EQ(st1.nr_allocs, 2);
		UK_TEST_EXPECT(st1.cur_bytes >= 1000 + 2 * UK_ALLOC_PAGE_SIZE);
		UK_TEST_EXPECT_UINT_EQ(st1.peak_bytes, st1.cur_bytes);
		UK_TEST_EXPECT(st1.free_bytes < st0.free_bytes);
		UK_TEST_EXPECT_NULL(uk_malloc(h, 64 << 20));
		UK_TEST_EXPECT_NULL(uk_palloc(h, 4096));
		uk_free(h, p);
		uk_pfree(h, q, 2);
		uk_alloc_stats_get(h, &st2);
		UK_TEST_EXPECT_UINT_EQ(st2.cur_bytes, 0);
		UK_TEST_EXPECT_UINT_EQ(st2.peak_bytes, st1.peak_bytes);
		UK_TEST_EXPECT_UINT_EQ(st2.nr_frees, 2);
		UK_TEST_EXPECT_UINT_EQ(st2.nr_failures, 2);
		UK_TEST_EXPECT_UINT_EQ(st2.nr_bad_frees, 0);
		alloc_test_heap_del(h, mem, 128);
	}
}

UK_TESTCASE(ukalloc, exhaustion)
{
	enum { NPAGES = 64, MAXOBJ = 256, OBJ = 2000 };
	void *objs[MAXOBJ], *mem, *p;
	unsigned int i, n, n2, k;
	const char *be;
	struct uk_alloc *h;
	int reuse;

	FOREACH_BACKEND(i, be) {
		h = alloc_test_heap_new(be, NPAGES, &mem);
		UK_TEST_ASSERT_NOT_NULL(h);
		reuse = reuses(h);
		/* Fill the heap with objects until it says no. */
		for (n = 0; n < MAXOBJ; n++) {
			objs[n] = uk_malloc(h, OBJ);
			if (!objs[n])
				break;
		}
		UK_TEST_EXPECT(n > 0 && n < MAXOBJ);
		UK_TEST_EXPECT_NULL(uk_malloc(h, OBJ));
		UK_TEST_EXPECT_NULL(uk_malloc(h, SIZE_MAX));
		UK_TEST_EXPECT_NULL(uk_malloc(h, UK_ALLOC_MAX_SIZE + 1));
		/* The earlier objects are still usable. */
		memset(objs[0], 0x11, OBJ);
		memset(objs[n - 1], 0x22, OBJ);
		if (!reuse) {
			alloc_test_heap_del(h, mem, NPAGES);
			continue;
		}
		/* After freeing, the heap serves the same load again. */
		for (k = 0; k < n; k++)
			uk_free(h, objs[k]);
		for (n2 = 0; n2 < MAXOBJ; n2++) {
			objs[n2] = uk_malloc(h, OBJ);
			if (!objs[n2])
				break;
		}
		UK_TEST_EXPECT_INT_EQ(n2, n);
		for (k = 0; k < n2; k++)
			uk_free(h, objs[k]);
		p = uk_malloc(h, 16);
		UK_TEST_EXPECT_NOT_NULL(p);
		uk_free(h, p);
		alloc_test_heap_del(h, mem, NPAGES);
	}
}

#if CONFIG_LIBUKALLOC_DEBUG
UK_TESTCASE(ukalloc, debug_bad_frees)
{
	struct uk_alloc_stats st;
	unsigned int i;
	const char *be;
	struct uk_alloc *h;
	char *p, *q, local[32];
	void *mem, *pg;

	FOREACH_BACKEND(i, be) {
		h = alloc_test_heap_new(be, 64, &mem);
		UK_TEST_ASSERT_NOT_NULL(h);
		p = uk_malloc(h, 100);
		q = uk_malloc(h, 100);
		pg = uk_palloc(h, 1);
		UK_TEST_ASSERT_NOT_NULL(p);
		UK_TEST_ASSERT_NOT_NULL(q);
		UK_TEST_ASSERT_NOT_NULL(pg);
		memset(q, 0, 100);
		uk_free(h, p);
		/* Each of these is reported, counted and ignored. */
		uk_free(h, p);			/* double free */
		uk_free(h, local);		/* not from the heap */
		uk_free(h, q + 16);		/* inside an object */
		UK_TEST_EXPECT_NULL(uk_realloc(h, p, 200));
		uk_pfree(h, pg, 1);
		uk_pfree(h, pg, 1);		/* double page free */
		uk_alloc_stats_get(h, &st);
		UK_TEST_EXPECT_UINT_EQ(st.nr_bad_frees, 5);
		/* The heap still works, and q is intact. */
		memset(q, 3, 100);
		p = uk_malloc(h, 300);
		UK_TEST_EXPECT_NOT_NULL(p);
		uk_free(h, p);
		uk_free(h, q);
		alloc_test_heap_del(h, mem, 64);
	}
}
#endif
