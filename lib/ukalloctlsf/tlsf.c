/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TLSF: a two-level segregated-fit allocator (Masmano, Ripoll, Crespo and
 * Real, "TLSF: a new dynamic memory allocator for real-time systems",
 * ECRTS 2004), written for Kiln from the paper's description.
 *
 * Free blocks sit in lists by size class. The first level splits sizes by
 * powers of two, the second splits each power of two into SL_COUNT equal
 * ranges; a bitmap per level says which lists are non-empty, so finding a
 * list with a large enough block is two find-first-set instructions:
 * malloc and free are O(1), whatever the heap holds. Sizes below SMALL
 * have exact 16-byte classes.
 *
 * Memory layout. Every block starts with a 16-byte header:
 *
 *	prev_phys	the block just before in memory when this block's
 *			PREV_FREE flag is set; otherwise a tag derived
 *			from the block's own address, which lets the debug
 *			check tell a real header from arbitrary bytes
 *	size		payload bytes (a multiple of 16) | FREE, PREV_FREE
 *
 * and its payload follows, 16-aligned. A free block keeps its list links
 * in the first 16 bytes of its payload, hence the 16-byte minimum payload.
 * Free neighbours are always merged, so a free block never has a free
 * block on either side. Each memory range (pool) ends with a zero-size
 * used block, so walking to the next block never leaves the pool and
 * merging stops there.
 *
 * TLSF is a good fit, not a best fit: a request is rounded up to the
 * start of the next size class (at most 1/SL_COUNT more) so that any block
 * of the class found is large enough; so a request can fail when the only
 * block that would hold it is less than 1/16 larger.
 *
 * Limits: blocks up to 2^MAX_LOG2 bytes; a heap tracks up to MAX_POOLS
 * ranges (only used to check pointers in debug builds; more ranges still
 * work). Not locked: see uk/alloc.h.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc_impl.h>

#define ALIGN_LOG2	4
#define ALIGN		(1UL << ALIGN_LOG2)
#define SL_LOG2		4
#define SL_COUNT	(1U << SL_LOG2)
/* Below SMALL, classes are exact: 16, 32, ... 240 bytes (first list 0). */
#define SMALL_LOG2	(SL_LOG2 + ALIGN_LOG2)
#define SMALL		(1UL << SMALL_LOG2)
#define MAX_LOG2	47
#define FL_COUNT	(MAX_LOG2 - SMALL_LOG2 + 2)

#define F_FREE		1UL
#define F_PREV_FREE	2UL
#define F_MASK		(ALIGN - 1)

#define MAX_POOLS	32

/*
 * The list and split/merge helpers sit on every malloc and free; gcc
 * keeps them out of line (they have several callers), which costs a
 * measurable share of a malloc+free pair. Force them inline.
 */
#define __hot_inline	inline __attribute__((always_inline))

/* prev_phys of a block whose predecessor is in use (see above). */
#define PREV_USED_TAG	0x5a3c96e1f00dbeefUL

struct block {
	struct block *prev_phys;
	size_t size;
	/* Free blocks only, in the payload: */
	struct block *next_free;
	struct block *prev_free;
};

#define HDR		offsetof(struct block, next_free)
#define MIN_PAYLOAD	(sizeof(struct block) - HDR)
/* The largest payload a request may ask for: leaves room for rounding. */
#define MAX_REQUEST	((1UL << MAX_LOG2) - 1)

struct tlsf {
	struct uk_alloc a;
	uint64_t fl_map;
	uint32_t sl_map[FL_COUNT];
	struct block *lists[FL_COUNT][SL_COUNT];
	size_t free_bytes;
	unsigned int nr_pools;
	struct {
		uintptr_t start, end;
	} pools[MAX_POOLS];
};

_Static_assert(HDR == ALIGN, "a header keeps payloads aligned");
_Static_assert(FL_COUNT <= 64, "fl_map holds every first-level list");

static inline size_t bsize(const struct block *b)
{
	return b->size & ~F_MASK;
}

static inline void *payload(struct block *b)
{
	return (char *)b + HDR;
}

static inline struct block *block_of(const void *p)
{
	return (struct block *)((char *)p - HDR);
}

static inline struct block *next_phys(const struct block *b)
{
	return (struct block *)((char *)b + HDR + bsize(b));
}

/* The list of a block of @size bytes: (*fl, *sl). */
static inline void mapping(size_t size, unsigned int *fl, unsigned int *sl)
{
	unsigned int msb;

	if (size < SMALL) {
		*fl = 0;
		*sl = size >> ALIGN_LOG2;
		return;
	}
	msb = uk_alloc_fls(size);
	*fl = msb - SMALL_LOG2 + 1;
	*sl = (size >> (msb - SL_LOG2)) & (SL_COUNT - 1);
}

/*
 * The first list whose every block holds @size bytes: round @size up to
 * the next class boundary, then map it. (@size <= MAX_REQUEST.)
 */
static inline void mapping_search(size_t size, unsigned int *fl,
				  unsigned int *sl)
{
	if (size >= SMALL)
		size += (1UL << (uk_alloc_fls(size) - SL_LOG2)) - 1;
	mapping(size, fl, sl);
}

static __hot_inline void list_insert(struct tlsf *t, struct block *b)
{
	unsigned int fl, sl;
	struct block *head;

	mapping(bsize(b), &fl, &sl);
	head = t->lists[fl][sl];
	b->next_free = head;
	b->prev_free = NULL;
	if (head)
		head->prev_free = b;
	t->lists[fl][sl] = b;
	t->fl_map |= 1ULL << fl;
	t->sl_map[fl] |= 1U << sl;
	t->free_bytes += bsize(b);
}

static __hot_inline void list_remove(struct tlsf *t, struct block *b)
{
	unsigned int fl, sl;

	mapping(bsize(b), &fl, &sl);
	if (b->prev_free)
		b->prev_free->next_free = b->next_free;
	else
		t->lists[fl][sl] = b->next_free;
	if (b->next_free)
		b->next_free->prev_free = b->prev_free;
	if (!t->lists[fl][sl]) {
		t->sl_map[fl] &= ~(1U << sl);
		if (!t->sl_map[fl])
			t->fl_map &= ~(1ULL << fl);
	}
	t->free_bytes -= bsize(b);
}

/* A free block of at least @size bytes, taken off its list; or NULL. */
static __hot_inline struct block *take_fit(struct tlsf *t, size_t size)
{
	unsigned int fl, sl;
	uint32_t sl_bits;
	uint64_t fl_bits;
	struct block *b;

	mapping_search(size, &fl, &sl);
	if (fl >= FL_COUNT)
		return NULL;
	sl_bits = t->sl_map[fl] & (~0U << sl);
	if (!sl_bits) {
		fl_bits = fl + 1 < 64 ? t->fl_map & (~0ULL << (fl + 1)) : 0;
		if (!fl_bits)
			return NULL;
		fl = __builtin_ctzll(fl_bits);
		sl_bits = t->sl_map[fl];
	}
	sl = __builtin_ctz(sl_bits);
	b = t->lists[fl][sl];
	list_remove(t, b);
	return b;
}

static inline struct block *prev_used_tag(const struct block *b)
{
	return (struct block *)((uintptr_t)b ^ PREV_USED_TAG);
}

/* Tell @b that the block before it is in use. */
static inline void set_prev_used(struct block *b)
{
	b->size &= ~F_PREV_FREE;
	b->prev_phys = prev_used_tag(b);
}

/* Mark @b (off any list) used, and tell the block after it. */
static inline void mark_used(struct block *b)
{
	b->size &= ~F_FREE;
	set_prev_used(next_phys(b));
}

/*
 * Make @b, a free block not on any list, known as free: merge it with its
 * free neighbours, link the result and tell the block after it.
 */
static __hot_inline void release(struct tlsf *t, struct block *b)
{
	struct block *n;

	b->size |= F_FREE;
	if (b->size & F_PREV_FREE) {
		struct block *p = b->prev_phys;

		list_remove(t, p);
		p->size += HDR + bsize(b);
		b = p;
	}
	n = next_phys(b);
	if (n->size & F_FREE) {
		list_remove(t, n);
		b->size += HDR + bsize(n);
		n = next_phys(b);
	}
	n->prev_phys = b;
	n->size |= F_PREV_FREE;
	list_insert(t, b);
}

/*
 * Cut @b (used, off the lists) down to @size payload bytes when the rest
 * can make a block of its own, and give the rest back.
 */
static __hot_inline void trim(struct tlsf *t, struct block *b, size_t size)
{
	struct block *rest;

	if (bsize(b) < size + HDR + MIN_PAYLOAD)
		return;
	rest = (struct block *)((char *)payload(b) + size);
	rest->size = bsize(b) - size - HDR;	/* flags: used, prev used */
	rest->prev_phys = prev_used_tag(rest);
	b->size = size | (b->size & F_MASK);
	/* The block after rest still points at b: release() fixes it. */
	release(t, rest);
}

/* The payload size for a request: aligned, at least MIN_PAYLOAD. */
static inline size_t adjust(size_t size)
{
	if (size < MIN_PAYLOAD)
		return MIN_PAYLOAD;
	return ALIGN_UP(size, ALIGN);
}

static void *tlsf_malloc(struct uk_alloc *a, size_t size)
{
	struct tlsf *t = (struct tlsf *)a;
	struct block *b;

	size = adjust(size);
	b = take_fit(t, size);
	if (!b)
		return NULL;
	mark_used(b);
	trim(t, b, size);
	return payload(b);
}

static void tlsf_free(struct uk_alloc *a, void *ptr)
{
	release((struct tlsf *)a, block_of(ptr));
}

static void *tlsf_memalign(struct uk_alloc *a, size_t align, size_t size)
{
	struct tlsf *t = (struct tlsf *)a;
	struct block *b, *nb;
	uintptr_t p, q;

	size = adjust(size);
	/*
	 * Room for the worst lead-in: less than @align to the boundary,
	 * plus one more @align when the gap is too small to be a block.
	 */
	if (size + align + HDR + MIN_PAYLOAD > MAX_REQUEST)
		return NULL;
	b = take_fit(t, size + align + HDR + MIN_PAYLOAD);
	if (!b)
		return NULL;
	p = (uintptr_t)payload(b);
	q = ALIGN_UP(p, align);
	if (q != p && q - p < HDR + MIN_PAYLOAD)
		q += align;
	if (q != p) {
		/* Split off the lead-in as a free block of its own. */
		nb = block_of((void *)q);
		nb->size = (bsize(b) - (q - p)) | F_PREV_FREE;
		nb->prev_phys = b;
		b->size = ((q - p) - HDR) | (b->size & F_MASK);
		/* b's neighbours are used: it stays free without merging. */
		list_insert(t, b);
		b = nb;
	}
	mark_used(b);
	trim(t, b, size);
	return payload(b);
}

static void *tlsf_realloc(struct uk_alloc *a, void *ptr, size_t size)
{
	struct tlsf *t = (struct tlsf *)a;
	struct block *b = block_of(ptr), *n;

	if (size > MAX_REQUEST)
		return NULL;
	size = adjust(size);
	if (size > bsize(b)) {
		/* Grow into a free successor, or give up (ukalloc moves). */
		n = next_phys(b);
		if (!(n->size & F_FREE) || bsize(b) + HDR + bsize(n) < size)
			return NULL;
		list_remove(t, n);
		b->size += HDR + bsize(n);
		set_prev_used(next_phys(b));
	}
	trim(t, b, size);
	return ptr;
}

static size_t tlsf_usable_size(struct uk_alloc *a __unused, const void *ptr)
{
	return bsize(block_of(ptr));
}

static size_t tlsf_free_bytes(struct uk_alloc *a)
{
	return ((struct tlsf *)a)->free_bytes;
}

static int tlsf_addmem(struct uk_alloc *a, void *base, size_t len)
{
	struct tlsf *t = (struct tlsf *)a;
	uintptr_t start = ALIGN_UP((uintptr_t)base, ALIGN);
	uintptr_t end = ALIGN_DOWN((uintptr_t)base + len, ALIGN);
	struct block *b, *sentinel;
	size_t size;

	/* One block with a minimal payload, plus the sentinel. */
	if (end <= start || end - start < 2 * HDR + MIN_PAYLOAD)
		return -EINVAL;
	size = end - start - 2 * HDR;
	if (size > MAX_REQUEST)
		size = ALIGN_DOWN(MAX_REQUEST, ALIGN);
	b = (struct block *)start;
	b->size = size;
	b->prev_phys = prev_used_tag(b);
	sentinel = next_phys(b);
	sentinel->size = 0;
	if (t->nr_pools < MAX_POOLS) {
		t->pools[t->nr_pools].start = start;
		t->pools[t->nr_pools].end = (uintptr_t)sentinel;
		t->nr_pools++;
	}
	release(t, b);
	return 0;
}

#if CONFIG_LIBUKALLOC_DEBUG
static int tlsf_check(struct uk_alloc *a, const void *ptr,
		      size_t npages __unused)
{
	struct tlsf *t = (struct tlsf *)a;
	uintptr_t p = (uintptr_t)ptr;
	const struct block *b = block_of(ptr), *n;
	unsigned int i;

	if (p & (ALIGN - 1))
		return -EINVAL;
	for (i = 0; i < t->nr_pools; i++)
		if (p >= t->pools[i].start + HDR && p < t->pools[i].end)
			break;
	if (i == t->nr_pools)
		return -EINVAL;
	if (b->size & F_FREE)
		return -EALREADY;
	/*
	 * A real used block: its predecessor link or tag is consistent, it
	 * ends inside the pool, and the block after it knows it is in use.
	 */
	if (b->size & F_PREV_FREE) {
		const struct block *pb = b->prev_phys;

		if ((uintptr_t)pb < t->pools[i].start || pb >= b ||
		    !(pb->size & F_FREE) || next_phys(pb) != b)
			return -EINVAL;
	} else if (b->prev_phys != prev_used_tag(b)) {
		return -EINVAL;
	}
	if (bsize(b) > t->pools[i].end - p)
		return -EINVAL;
	n = next_phys(b);
	if ((n->size & F_PREV_FREE) || n->prev_phys != prev_used_tag(n))
		return -EINVAL;
	return 0;
}
#endif

static const struct uk_alloc_ops tlsf_ops = {
	.malloc = tlsf_malloc,
	.free = tlsf_free,
	.memalign = tlsf_memalign,
	.realloc = tlsf_realloc,
	.usable_size = tlsf_usable_size,
	.addmem = tlsf_addmem,
	.free_bytes = tlsf_free_bytes,
#if CONFIG_LIBUKALLOC_DEBUG
	.check = tlsf_check,
#endif
};

/* ukalloc places the heap struct and treats it as its struct uk_alloc. */
_Static_assert(__builtin_offsetof(struct tlsf, a) == 0,
	       "struct uk_alloc must be the first member");
UK_ALLOC_BACKEND(tlsf, &tlsf_ops, struct tlsf);
