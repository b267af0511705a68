/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukalloc: the allocator API.
 *
 * A heap (struct uk_alloc) manages memory handed to it at creation and
 * later with uk_alloc_addmem(). Several heaps can coexist, each managed by
 * one backend (TLSF, buddy, region, ...); the default heap is made at boot
 * from every free memory region of the platform and is what libc's malloc
 * uses. Every function takes the heap as its first argument; a NULL heap
 * is one without memory (allocations fail, frees are ignored).
 *
 * Errors: functions returning a pointer return NULL only for "no memory"
 * (or, for uk_memalign(), a bad alignment); functions returning int return
 * 0 or a negative errno. errno itself is never touched here: libc sets it.
 *
 * Heaps are not locked. Under the cooperative scheduler no thread is
 * preempted inside an allocator call; interrupt handlers must not
 * allocate. A preemptive scheduler will need a lock here.
 */
#ifndef UK_ALLOC_H
#define UK_ALLOC_H

#include <uk/essentials.h>

#define UK_ALLOC_PAGE_SHIFT	12
#define UK_ALLOC_PAGE_SIZE	(1UL << UK_ALLOC_PAGE_SHIFT)

/* Alignment of every uk_malloc() result: enough for any C type. */
#define UK_ALLOC_MIN_ALIGN	16

/* Larger requests fail at once (they could only overflow size sums). */
#define UK_ALLOC_MAX_SIZE	(1UL << 46)

struct uk_alloc;

struct uk_alloc_stats {
	size_t cur_bytes;	/* usable bytes handed out and not freed */
	size_t peak_bytes;	/* the highest cur_bytes seen */
	size_t free_bytes;	/* what the backend could still hand out */
	size_t free_pages;	/* free_bytes in whole pages */
	uint64_t nr_allocs;	/* successful allocations (pages included) */
	uint64_t nr_frees;	/* frees of non-NULL pointers */
	uint64_t nr_failures;	/* allocations refused for lack of memory */
	uint64_t nr_bad_frees;	/* invalid or double frees (debug checks) */
};

/*
 * Allocate @size bytes aligned to UK_ALLOC_MIN_ALIGN. @size 0 gives a
 * unique pointer that can be freed. Returns NULL when out of memory.
 */
void *uk_malloc(struct uk_alloc *a, size_t size);

/*
 * Allocate @nmemb * @size zeroed bytes; NULL when out of memory or when
 * the product overflows.
 */
void *uk_calloc(struct uk_alloc *a, size_t nmemb, size_t size);

/*
 * Resize the object at @ptr to @size bytes, keeping its contents up to the
 * smaller size; the object may move. @ptr NULL is uk_malloc(); @size 0
 * frees @ptr and returns NULL. On failure returns NULL and leaves @ptr
 * untouched.
 */
void *uk_realloc(struct uk_alloc *a, void *ptr, size_t size);

/*
 * Allocate @size bytes aligned to @align (a power of two, at least
 * sizeof(void *)) into *@memptr.
 * @return 0, -EINVAL for a bad @align, -ENOMEM when out of memory.
 */
int uk_posix_memalign(struct uk_alloc *a, void **memptr, size_t align,
		      size_t size);

/* uk_posix_memalign() returning the pointer; NULL on any failure. */
void *uk_memalign(struct uk_alloc *a, size_t align, size_t size);

/* Free an object of the malloc family; @ptr NULL does nothing. */
void uk_free(struct uk_alloc *a, void *ptr);

/*
 * Allocate @npages contiguous pages, page-aligned; NULL when out of memory
 * or @npages is 0. Free them with uk_pfree() and the same @npages.
 */
void *uk_palloc(struct uk_alloc *a, size_t npages);
void uk_pfree(struct uk_alloc *a, void *ptr, size_t npages);

/* Bytes usable at @ptr (at least what was asked for); 0 for NULL. */
size_t uk_alloc_usable_size(struct uk_alloc *a, const void *ptr);

/*
 * Copy the statistics of @a into *@st.
 * @return 0, or -ENOTSUP when the image is built without
 * CONFIG_LIBUKALLOC_STATS (only free_bytes/free_pages are then filled).
 */
int uk_alloc_stats_get(struct uk_alloc *a, struct uk_alloc_stats *st);

/* Bytes the backend of @a could still hand out (fragmentation aside). */
size_t uk_alloc_free_bytes(struct uk_alloc *a);

/*
 * Give @a the memory [@base, @base + @len), which must not overlap memory
 * of any heap. @return 0, -EINVAL when the range is too small to use, or
 * -ENOSPC when the backend cannot track more ranges.
 */
int uk_alloc_addmem(struct uk_alloc *a, void *base, size_t len);

/*
 * Make a new heap managed by the backend named @backend ("tlsf", "buddy",
 * "region") over [@base, @base + @len); its bookkeeping lives inside that
 * memory. The heap joins the list of heaps (uk_alloc_foreach()).
 * @return 0 and the heap in *@out, -ENOENT when no such backend is linked
 * into the image, or -EINVAL when the memory is too small.
 */
int uk_alloc_create(struct uk_alloc **out, const char *backend, void *base,
		    size_t len);

/*
 * Remove @a from the list of heaps; afterwards @a must not be used, and its
 * memory belongs again to whoever gave it. The default heap cannot be
 * destroyed: -EBUSY. @return 0 or -EBUSY.
 */
int uk_alloc_destroy(struct uk_alloc *a);

/* The name of the backend that manages @a. */
const char *uk_alloc_backend_of(struct uk_alloc *a);

/*
 * Backends linked into the image: the name of the @idx-th one, or NULL
 * when @idx is past the last.
 */
const char *uk_alloc_backend_name(unsigned int idx);

/* The default heap (NULL before boot made it, or without free memory). */
struct uk_alloc *uk_alloc_get_default(void);
void uk_alloc_set_default(struct uk_alloc *a);

/* The first heap, and the one after @a (NULL at the end of the list). */
struct uk_alloc *uk_alloc_first(void);
struct uk_alloc *uk_alloc_next(struct uk_alloc *a);

#define uk_alloc_foreach(a) \
	for ((a) = uk_alloc_first(); (a); (a) = uk_alloc_next(a))

#endif /* UK_ALLOC_H */
