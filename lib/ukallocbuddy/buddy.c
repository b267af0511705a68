/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A binary buddy allocator over pages. Memory is handed out in blocks of
 * 2^order pages; a free block of order k whose "buddy" (the other half of
 * the order k+1 block they were split from) is free too merges with it.
 * One free list per order makes allocation and free O(log n): at most one
 * split or one merge per order.
 *
 * Each memory range is a zone: a bitmap with one bit per page (set on the
 * first page of every free block) at its start, then the pages. A free
 * block keeps its list links and order in its own first bytes, so the
 * bitmap alone says whether a buddy is free, and the block says of which
 * order. Offsets are relative to the zone's first page, so blocks are
 * aligned to their size within the zone (not necessarily in memory).
 *
 * malloc is built on pages: a 16-byte header in front of the object
 * records the block, so every object costs at least a page. That suits
 * page-sized and larger objects; use TLSF for many small ones.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc_impl.h>

#define PAGE		UK_ALLOC_PAGE_SIZE
#define PAGE_SHIFT	UK_ALLOC_PAGE_SHIFT
#define MAX_ORDER	34	/* 2^34 pages: 64 TiB */
#define LONG_BITS	(sizeof(unsigned long) * 8)

#define HDR_ALLOC	0xb0dd1eeaUL	/* object headers, live */
#define HDR_FREED	0xdeadb0ddUL	/* object headers, freed */

struct fblock {
	struct fblock *next, *prev;
	unsigned long order;
};

struct zone {
	struct zone *next;
	uintptr_t base;		/* the first page */
	size_t npages;
	unsigned long map[];	/* bit i: page i starts a free block */
};

/* Just before every malloc'd object. */
struct ohdr {
	uint32_t magic;
	uint32_t order;		/* of the block holding the object */
	uintptr_t block;	/* its first page */
};

struct buddy {
	struct uk_alloc a;
	struct fblock *lists[MAX_ORDER + 1];
	struct zone *zones;
	size_t free_pages;
};

_Static_assert(sizeof(struct ohdr) == UK_ALLOC_MIN_ALIGN, "header size");

static inline int map_test(const struct zone *z, size_t i)
{
	return (z->map[i / LONG_BITS] >> (i % LONG_BITS)) & 1;
}

static inline void map_set(struct zone *z, size_t i)
{
	z->map[i / LONG_BITS] |= 1UL << (i % LONG_BITS);
}

static inline void map_clear(struct zone *z, size_t i)
{
	z->map[i / LONG_BITS] &= ~(1UL << (i % LONG_BITS));
}

static inline struct fblock *page_ptr(const struct zone *z, size_t i)
{
	return (struct fblock *)(z->base + (i << PAGE_SHIFT));
}

static struct zone *zone_of(struct buddy *b, uintptr_t addr)
{
	struct zone *z;

	for (z = b->zones; z; z = z->next)
		if (addr >= z->base &&
		    addr < z->base + (z->npages << PAGE_SHIFT))
			return z;
	return NULL;
}

static void push(struct buddy *b, struct zone *z, size_t i,
		 unsigned int order)
{
	struct fblock *f = page_ptr(z, i);

	f->order = order;
	f->prev = NULL;
	f->next = b->lists[order];
	if (f->next)
		f->next->prev = f;
	b->lists[order] = f;
	map_set(z, i);
	b->free_pages += 1UL << order;
}

static void unlink(struct buddy *b, struct zone *z, size_t i)
{
	struct fblock *f = page_ptr(z, i);

	if (f->prev)
		f->prev->next = f->next;
	else
		b->lists[f->order] = f->next;
	if (f->next)
		f->next->prev = f->prev;
	map_clear(z, i);
	b->free_pages -= 1UL << f->order;
}

/* A block of 2^@order pages, or NULL. */
static void *alloc_order(struct buddy *b, unsigned int order)
{
	unsigned int k;
	struct fblock *f;
	struct zone *z;
	size_t i;

	for (k = order; k <= MAX_ORDER && !b->lists[k]; k++)
		;
	if (k > MAX_ORDER)
		return NULL;
	f = b->lists[k];
	z = zone_of(b, (uintptr_t)f);
	i = ((uintptr_t)f - z->base) >> PAGE_SHIFT;
	unlink(b, z, i);
	/* Split: keep the lower half, free the upper one, until it fits. */
	while (k > order) {
		k--;
		push(b, z, i + (1UL << k), k);
	}
	return f;
}

static void free_order(struct buddy *b, void *ptr, unsigned int order)
{
	struct zone *z = zone_of(b, (uintptr_t)ptr);
	size_t i = ((uintptr_t)ptr - z->base) >> PAGE_SHIFT, j;

	while (order < MAX_ORDER) {
		j = i ^ (1UL << order);
		if (j + (1UL << order) > z->npages || !map_test(z, j) ||
		    page_ptr(z, j)->order != order)
			break;
		unlink(b, z, j);
		i &= ~(1UL << order);
		order++;
	}
	push(b, z, i, order);
}

static inline unsigned int order_of_pages(size_t npages)
{
	return uk_alloc_log2_up(npages);
}

static void *buddy_palloc(struct uk_alloc *a, size_t npages)
{
	unsigned int order = order_of_pages(npages);

	if (order > MAX_ORDER)
		return NULL;
	return alloc_order((struct buddy *)a, order);
}

static void buddy_pfree(struct uk_alloc *a, void *ptr, size_t npages)
{
	free_order((struct buddy *)a, ptr, order_of_pages(npages));
}

static void *buddy_memalign(struct uk_alloc *a, size_t align, size_t size)
{
	size_t total = size + MAX(align, sizeof(struct ohdr));
	unsigned int order;
	struct ohdr *h;
	uintptr_t blk, p;

	order = order_of_pages((total + PAGE - 1) >> PAGE_SHIFT);
	if (order > MAX_ORDER)
		return NULL;
	blk = (uintptr_t)alloc_order((struct buddy *)a, order);
	if (!blk)
		return NULL;
	/* The object follows its header, aligned. Blocks are page-aligned,
	 * so for any @align the object fits in total bytes. */
	p = ALIGN_UP(blk + sizeof(*h), align);
	h = (struct ohdr *)p - 1;
	h->magic = HDR_ALLOC;
	h->order = order;
	h->block = blk;
	return (void *)p;
}

static void *buddy_malloc(struct uk_alloc *a, size_t size)
{
	return buddy_memalign(a, UK_ALLOC_MIN_ALIGN, size);
}

static void buddy_free(struct uk_alloc *a, void *ptr)
{
	struct ohdr *h = (struct ohdr *)ptr - 1;

	h->magic = HDR_FREED;
	free_order((struct buddy *)a, (void *)h->block, h->order);
}

static size_t buddy_usable_size(struct uk_alloc *a __unused, const void *ptr)
{
	const struct ohdr *h = (const struct ohdr *)ptr - 1;

	return h->block + (PAGE << h->order) - (uintptr_t)ptr;
}

static size_t buddy_free_bytes(struct uk_alloc *a)
{
	return ((struct buddy *)a)->free_pages << PAGE_SHIFT;
}

static int buddy_addmem(struct uk_alloc *a, void *base, size_t len)
{
	struct buddy *b = (struct buddy *)a;
	uintptr_t start = ALIGN_UP((uintptr_t)base, sizeof(long));
	uintptr_t end = (uintptr_t)base + len, first;
	size_t npages, mapbytes, i;
	unsigned int k;
	struct zone *z;

	if (end <= start || end - start < sizeof(*z))
		return -EINVAL;
	/*
	 * Pages after the zone header and bitmap; the bitmap is sized for
	 * every page of the range, a slight overestimate.
	 */
	npages = (end - start) >> PAGE_SHIFT;
	mapbytes = ALIGN_UP(npages, LONG_BITS) / 8;
	first = ALIGN_UP(start + sizeof(*z) + mapbytes, PAGE);
	if (first >= end || end - first < PAGE)
		return -EINVAL;
	z = (struct zone *)start;
	z->base = first;
	z->npages = (end - first) >> PAGE_SHIFT;
	memset(z->map, 0, mapbytes);
	z->next = b->zones;
	b->zones = z;

	/* Cover the zone with the largest blocks its alignment allows. */
	for (i = 0; i < z->npages; i += 1UL << k) {
		k = i ? __builtin_ctzl(i) : MAX_ORDER;
		if (k > MAX_ORDER)
			k = MAX_ORDER;
		while (i + (1UL << k) > z->npages)
			k--;
		push(b, z, i, k);
	}
	return 0;
}

#if CONFIG_LIBUKALLOC_DEBUG
/* Is page @i of @z inside a free block? Walks the O(log n) candidates. */
static int in_free_block(const struct zone *z, size_t i)
{
	unsigned int k;
	size_t head;

	for (k = 0; k <= MAX_ORDER; k++) {
		head = i & ~((1UL << k) - 1);
		if (map_test(z, head) &&
		    head + (1UL << page_ptr(z, head)->order) > i)
			return 1;
		if (!head)
			break;
	}
	return 0;
}

static int buddy_check(struct uk_alloc *a, const void *ptr, size_t npages)
{
	struct buddy *b = (struct buddy *)a;
	const struct ohdr *h = (const struct ohdr *)ptr - 1;
	uintptr_t p = (uintptr_t)ptr;
	struct zone *z;

	if (npages) {
		z = zone_of(b, p);
		if (!z || (p & (PAGE - 1)))
			return -EINVAL;
		return in_free_block(z, (p - z->base) >> PAGE_SHIFT) ?
		       -EALREADY : 0;
	}
	z = zone_of(b, p - sizeof(*h));
	if ((p & (UK_ALLOC_MIN_ALIGN - 1)) || !z)
		return -EINVAL;
	/* Freed: its page went back (the header may be overwritten). */
	if (h->magic == HDR_FREED ||
	    in_free_block(z, (p - sizeof(*h) - z->base) >> PAGE_SHIFT))
		return -EALREADY;
	if (h->magic != HDR_ALLOC || h->order > MAX_ORDER ||
	    h->block > p - sizeof(*h) || h->block < z->base ||
	    (h->block & (PAGE - 1)) ||
	    p >= h->block + (PAGE << h->order))
		return -EINVAL;
	return 0;
}
#endif

static const struct uk_alloc_ops buddy_ops = {
	.malloc = buddy_malloc,
	.free = buddy_free,
	.memalign = buddy_memalign,
	.usable_size = buddy_usable_size,
	.addmem = buddy_addmem,
	.free_bytes = buddy_free_bytes,
	.palloc = buddy_palloc,
	.pfree = buddy_pfree,
#if CONFIG_LIBUKALLOC_DEBUG
	.check = buddy_check,
#endif
};

/* ukalloc places the heap struct and treats it as its struct uk_alloc. */
_Static_assert(__builtin_offsetof(struct buddy, a) == 0,
	       "struct uk_alloc must be the first member");
UK_ALLOC_BACKEND(buddy, &buddy_ops, struct buddy);
