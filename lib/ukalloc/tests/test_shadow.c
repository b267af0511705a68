/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Random allocation sequences checked against a shadow model. The model
 * remembers, for each live object, its address, size, alignment and the
 * byte pattern written into it. After every step the test checks what a
 * correct heap guarantees: objects are aligned, never overlap, keep their
 * contents across other operations and across realloc, and the heap's
 * byte count matches the model. At the end everything is freed; a backend
 * that reuses memory must then have all of it back (everything merged).
 */
#include <string.h>
#include <uk/alloc.h>
#include <uk/test.h>
#include "test_heap.h"

#define SLOTS	64
#define STEPS	4000
#define NPAGES	256

struct shadow {
	unsigned char *p;
	size_t size;
	size_t align;
	unsigned char seed;
};

static uint64_t rng_state;

/* xorshift64: deterministic, so a failure can be replayed. */
static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Mostly small sizes, sometimes pages, rarely large ones. */
static size_t rnd_size(void)
{
	switch (rnd() % 8) {
	case 0:
		return rnd() % 32768;
	case 1:
	case 2:
		return rnd() % 4096;
	default:
		return rnd() % 256;
	}
}

static void fill(struct shadow *s)
{
	size_t i;

	for (i = 0; i < s->size; i++)
		s->p[i] = (unsigned char)(s->seed + i);
}

/* Bytes of @s that no longer hold their pattern, over the first @n. */
static size_t damaged(const struct shadow *s, size_t n)
{
	size_t i, bad = 0;

	for (i = 0; i < n; i++)
		bad += s->p[i] != (unsigned char)(s->seed + i);
	return bad;
}

static int overlaps(const struct shadow *sh, int self)
{
	const struct shadow *s = &sh[self];
	int i;

	for (i = 0; i < SLOTS; i++) {
		if (i == self || !sh[i].p)
			continue;
		/* Zero-sized objects still own one byte. */
		if (s->p < sh[i].p + MAX(sh[i].size, 1) &&
		    sh[i].p < s->p + MAX(s->size, 1))
			return 1;
	}
	return 0;
}

static void run_shadow(const struct uk_testcase *__uk_tc, const char *be)
{
	struct shadow sh[SLOTS] = { 0 };
	struct uk_alloc_stats st;
	size_t free0, used, n;
	struct uk_alloc *h;
	unsigned char *q;
	int step, i, reuse;
	void *mem;

	h = alloc_test_heap_new(be, NPAGES, &mem);
	UK_TEST_ASSERT_NOT_NULL(h);
	free0 = uk_alloc_free_bytes(h);
	q = uk_malloc(h, 64);
	uk_free(h, q);
	reuse = uk_alloc_free_bytes(h) == free0;
	rng_state = 0x9e3779b97f4a7c15ULL;

	for (step = 0; step < STEPS; step++) {
		struct shadow *s = &sh[rnd() % SLOTS];

		if (!s->p) {
			s->size = rnd_size();
			s->seed = rnd();
			s->align = UK_ALLOC_MIN_ALIGN;
			switch (rnd() % 4) {
			case 0:
				s->align = 1UL << (4 + rnd() % 9);
				s->p = uk_memalign(h, s->align, s->size);
				break;
			case 1:
				s->p = uk_calloc(h, 1, s->size);
				if (s->p)
					UK_TEST_EXPECT_INT_EQ(
						s->size && s->p[s->size - 1],
						0);
				break;
			default:
				s->p = uk_malloc(h, s->size);
				break;
			}
			if (!s->p)
				continue;	/* full: allowed, not a bug */
			UK_TEST_EXPECT_UINT_EQ((uintptr_t)s->p % s->align, 0);
			UK_TEST_EXPECT(uk_alloc_usable_size(h, s->p) >=
				       s->size);
			UK_TEST_ASSERT(!overlaps(sh, s - sh));
			fill(s);
			continue;
		}
		/* A live object: it must be intact, then goes or moves. */
		UK_TEST_ASSERT_UINT_EQ(damaged(s, s->size), 0);
		if (rnd() % 3) {
			uk_free(h, s->p);
			s->p = NULL;
			continue;
		}
		n = rnd_size();
		q = uk_realloc(h, s->p, n);
		if (!q && n)
			continue;	/* failed: the old object stays */
		if (!n) {
			s->p = NULL;	/* realloc(p, 0) freed it */
			continue;
		}
		s->p = q;
		UK_TEST_EXPECT_UINT_EQ((uintptr_t)q % UK_ALLOC_MIN_ALIGN, 0);
		UK_TEST_ASSERT_UINT_EQ(damaged(s, MIN(s->size, n)), 0);
		s->size = n;
		UK_TEST_ASSERT(!overlaps(sh, s - sh));
		fill(s);
	}

	/* The heap's byte count is the model's, then everything goes. */
	if (uk_alloc_stats_get(h, &st) == 0) {
		used = 0;
		for (i = 0; i < SLOTS; i++)
			if (sh[i].p)
				used += uk_alloc_usable_size(h, sh[i].p);
		UK_TEST_EXPECT_UINT_EQ(st.cur_bytes, used);
	}
	for (i = 0; i < SLOTS; i++) {
		if (!sh[i].p)
			continue;
		UK_TEST_EXPECT_UINT_EQ(damaged(&sh[i], sh[i].size), 0);
		uk_free(h, sh[i].p);
	}
	if (reuse)
		UK_TEST_EXPECT_UINT_EQ(uk_alloc_free_bytes(h), free0);
	alloc_test_heap_del(h, mem, NPAGES);
}

UK_TESTCASE(ukalloc, random_vs_shadow)
{
	unsigned int i;
	const char *be;

	for (i = 0; (be = uk_alloc_backend_name(i)) != NULL; i++)
		run_shadow(__uk_tc, be);
}
