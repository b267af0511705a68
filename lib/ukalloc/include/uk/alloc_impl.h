/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukalloc, for backend implementers only: the operations a backend
 * provides and how it registers. Users include <uk/alloc.h>.
 *
 * A backend is a library that adds one entry to the backend table with
 * UK_ALLOC_BACKEND(): its operations and the type of its heap, a struct
 * embedding struct uk_alloc as its first member followed by whatever the
 * backend needs. ukalloc creates a heap by placing that struct, zeroed,
 * at the start of the memory it is given and handing the rest to the
 * backend's addmem(). ukalloc does everything generic: argument
 * checks, statistics, calloc, the realloc and memalign fallbacks, and the
 * heap list. So a backend's operations see only valid requests:
 *   - sizes are at most UK_ALLOC_MAX_SIZE (0 is allowed: give a minimal
 *     block);
 *   - alignments are powers of two above UK_ALLOC_MIN_ALIGN;
 *   - pointers are non-NULL and, when CONFIG_LIBUKALLOC_DEBUG is on, were
 *     accepted by check().
 */
#ifndef UK_ALLOC_IMPL_H
#define UK_ALLOC_IMPL_H

#include <uk/alloc.h>
#include <uk/section.h>

struct uk_alloc_ops {
	/* Required. NULL when out of memory. */
	void *(*malloc)(struct uk_alloc *a, size_t size);
	void (*free)(struct uk_alloc *a, void *ptr);
	void *(*memalign)(struct uk_alloc *a, size_t align, size_t size);
	/* Required: at least the size asked for, and stable until freed. */
	size_t (*usable_size)(struct uk_alloc *a, const void *ptr);
	/* Required: 0, -EINVAL (too small) or -ENOSPC (too many ranges). */
	int (*addmem)(struct uk_alloc *a, void *base, size_t len);
	/* Required: bytes still available, as cheap as a counter read. */
	size_t (*free_bytes)(struct uk_alloc *a);

	/*
	 * Optional: resize in place when possible (@size > 0). NULL, or a
	 * NULL result, makes ukalloc allocate, copy and free.
	 */
	void *(*realloc)(struct uk_alloc *a, void *ptr, size_t size);
	/*
	 * Optional page operations (@npages > 0); NULL makes ukalloc use
	 * memalign(UK_ALLOC_PAGE_SIZE) and free.
	 */
	void *(*palloc)(struct uk_alloc *a, size_t npages);
	void (*pfree)(struct uk_alloc *a, void *ptr, size_t npages);
	/*
	 * Optional, used with CONFIG_LIBUKALLOC_DEBUG before every free:
	 * is @ptr something this heap handed out and has not taken back?
	 * @npages is 0 for the malloc family, else the pfree() count.
	 * Returns 0, -EINVAL (not from this heap, or not the start of an
	 * object) or -EALREADY (already freed).
	 */
	int (*check)(struct uk_alloc *a, const void *ptr, size_t npages);
};

struct uk_alloc {
	const struct uk_alloc_ops *ops;
	const char *backend;		/* the backend's name */
	struct uk_alloc *next;		/* the list of heaps */
#if CONFIG_LIBUKALLOC_STATS
	struct uk_alloc_stats stats;
#endif
};

struct uk_alloc_backend {
	const char *name;
	const struct uk_alloc_ops *ops;
	/* The backend's heap struct (struct uk_alloc first). */
	size_t heap_size, heap_align;
};

/*
 * Register a backend; @name_ must be a C identifier (the entry's name),
 * @heap_type_ the backend's heap struct, whose first member is the
 * struct uk_alloc.
 */
#define UK_ALLOC_BACKEND(name_, ops_, heap_type_)                            \
	UK_TABLE_ENTRY(allocbackends, 0, struct uk_alloc_backend,            \
		       __uk_allocbackend_##name_) = {                        \
		.name = #name_,                                              \
		.ops = (ops_),                                               \
		.heap_size = sizeof(heap_type_),                             \
		.heap_align = _Alignof(heap_type_),                          \
	}

UK_TABLE_DECLARE(allocbackends, struct uk_alloc_backend);

/* Helpers for backends. */

/* Index of the most significant set bit of @x (@x != 0). */
static inline unsigned int uk_alloc_fls(size_t x)
{
	return (sizeof(x) * 8 - 1) - __builtin_clzl(x);
}

/* The smallest n with 2^n >= @x (@x != 0). */
static inline unsigned int uk_alloc_log2_up(size_t x)
{
	return x <= 1 ? 0 : uk_alloc_fls(x - 1) + 1;
}

#endif /* UK_ALLOC_IMPL_H */
