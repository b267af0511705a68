/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A region (bump) allocator: memory is handed out from a pointer that
 * only moves forward, and free gives nothing back. Allocation is a few
 * instructions and creating the heap touches one cache line, which makes
 * it the smallest and fastest choice for images that allocate at start-up
 * and keep everything; a program that frees and allocates again will run
 * out of memory. It is also a baseline for measuring other allocators.
 *
 * Every object has a 16-byte header in front (its size, and a state word
 * used by the debug check), so that usable_size and realloc work. When the
 * current range is used up the heap moves to the next range given to it;
 * what was left of the previous range is lost.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc_impl.h>

#define OBJ_LIVE	0x4e6f6246UL
#define OBJ_FREED	0x46726564UL

/* One range of memory, at its own start. */
struct range {
	struct range *next;
	uintptr_t end;
};

struct ohdr {
	uint64_t size;
	uint64_t state;
};

struct region {
	struct uk_alloc a;
	uintptr_t cur, end;	/* the unused part of the current range */
	struct range *used;	/* ranges started, current first */
	struct range *spare;	/* ranges not started yet, in order */
	size_t spare_bytes;
};

_Static_assert(sizeof(struct ohdr) == UK_ALLOC_MIN_ALIGN, "header size");

/* Move to the next spare range; 0 when there is none. */
static int next_range(struct region *r)
{
	struct range *g = r->spare;

	if (!g)
		return 0;
	r->spare = g->next;
	r->spare_bytes -= g->end - (uintptr_t)(g + 1);
	g->next = r->used;
	r->used = g;
	r->cur = (uintptr_t)(g + 1);
	r->end = g->end;
	return 1;
}

static void *region_memalign(struct uk_alloc *a, size_t align, size_t size)
{
	struct region *r = (struct region *)a;
	struct ohdr *h;
	uintptr_t p;

	if (size == 0)
		size = 1;
	do {
		p = ALIGN_UP(r->cur + sizeof(*h), align);
		if (p >= r->cur && p <= r->end && r->end - p >= size)
			goto found;
	} while (next_range(r));
	return NULL;
found:
	h = (struct ohdr *)p - 1;
	h->size = size;
	h->state = OBJ_LIVE;
	/* Keep the next header aligned as well. */
	r->cur = MIN(ALIGN_UP(p + size, UK_ALLOC_MIN_ALIGN), r->end);
	return (void *)p;
}

static void *region_malloc(struct uk_alloc *a, size_t size)
{
	return region_memalign(a, UK_ALLOC_MIN_ALIGN, size);
}

static void region_free(struct uk_alloc *a __unused, void *ptr)
{
	/* Nothing comes back; the mark only serves the debug check. */
	((struct ohdr *)ptr - 1)->state = OBJ_FREED;
}

static size_t region_usable_size(struct uk_alloc *a __unused,
				 const void *ptr)
{
	return ((const struct ohdr *)ptr - 1)->size;
}

static size_t region_free_bytes(struct uk_alloc *a)
{
	struct region *r = (struct region *)a;

	return (r->end - r->cur) + r->spare_bytes;
}

static int region_addmem(struct uk_alloc *a, void *base, size_t len)
{
	struct region *r = (struct region *)a;
	uintptr_t start = ALIGN_UP((uintptr_t)base, UK_ALLOC_MIN_ALIGN);
	uintptr_t end = ALIGN_DOWN((uintptr_t)base + len, UK_ALLOC_MIN_ALIGN);
	struct range *g = (struct range *)start, **pp;

	if (end <= start || end - start <= sizeof(*g) + sizeof(struct ohdr))
		return -EINVAL;
	g->end = end;
	g->next = NULL;
	/* Spare ranges are used in the order they were given. */
	for (pp = &r->spare; *pp; pp = &(*pp)->next)
		;
	*pp = g;
	r->spare_bytes += end - (uintptr_t)(g + 1);
	if (r->cur == r->end)
		next_range(r);
	return 0;
}

#if CONFIG_LIBUKALLOC_DEBUG
static int region_check(struct uk_alloc *a, const void *ptr,
			size_t npages __unused)
{
	struct region *r = (struct region *)a;
	const struct ohdr *h = (const struct ohdr *)ptr - 1;
	uintptr_t p = (uintptr_t)ptr;
	const struct range *g;

	if (p & (UK_ALLOC_MIN_ALIGN - 1))
		return -EINVAL;
	/* Objects live in started ranges, below cur in the current one. */
	for (g = r->used; g; g = g->next)
		if (p >= (uintptr_t)(g + 1) + sizeof(*h) &&
		    p <= (g == r->used ? r->cur : g->end))
			break;
	if (!g)
		return -EINVAL;
	if (h->state == OBJ_FREED)
		return -EALREADY;
	if (h->state != OBJ_LIVE)
		return -EINVAL;
	return 0;
}
#endif

static const struct uk_alloc_ops region_ops = {
	.malloc = region_malloc,
	.free = region_free,
	.memalign = region_memalign,
	.usable_size = region_usable_size,
	.addmem = region_addmem,
	.free_bytes = region_free_bytes,
#if CONFIG_LIBUKALLOC_DEBUG
	.check = region_check,
#endif
};

/* ukalloc places the heap struct and treats it as its struct uk_alloc. */
_Static_assert(__builtin_offsetof(struct region, a) == 0,
	       "struct uk_alloc must be the first member");
UK_ALLOC_BACKEND(region, &region_ops, struct region);
