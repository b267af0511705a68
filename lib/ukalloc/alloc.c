/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The generic half of every allocation: argument checks, statistics, and
 * the operations a backend may leave out (calloc always, realloc and the
 * page functions when the backend has none). Backends see only requests
 * that are valid (uk/alloc_impl.h).
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc_impl.h>
#include <uk/print.h>

#if CONFIG_LIBUKALLOC_STATS
static inline void stats_alloc(struct uk_alloc *a, size_t bytes)
{
	a->stats.nr_allocs++;
	a->stats.cur_bytes += bytes;
	if (a->stats.cur_bytes > a->stats.peak_bytes)
		a->stats.peak_bytes = a->stats.cur_bytes;
}

static inline void stats_free(struct uk_alloc *a, size_t bytes)
{
	a->stats.nr_frees++;
	a->stats.cur_bytes -= bytes;
}

static inline void stats_fail(struct uk_alloc *a)
{
	a->stats.nr_failures++;
}

static inline void stats_bad_free(struct uk_alloc *a)
{
	a->stats.nr_bad_frees++;
}
#define stats_on 1
#else
static inline void stats_alloc(struct uk_alloc *a __unused,
			       size_t bytes __unused) {}
static inline void stats_free(struct uk_alloc *a __unused,
			      size_t bytes __unused) {}
static inline void stats_fail(struct uk_alloc *a __unused) {}
static inline void stats_bad_free(struct uk_alloc *a __unused) {}
#define stats_on 0
#endif

/*
 * With CONFIG_LIBUKALLOC_DEBUG, ask the backend whether @ptr may be freed;
 * a bad pointer is reported and the free is skipped (returns 0).
 */
static int free_allowed(struct uk_alloc *a, const void *ptr, size_t npages)
{
#if CONFIG_LIBUKALLOC_DEBUG
	int rc;

	if (!a->ops->check)
		return 1;
	rc = a->ops->check(a, ptr, npages);
	if (rc == 0)
		return 1;
	stats_bad_free(a);
	uk_pr_err("%s heap %p: %s of %p (%s) ignored", a->backend,
		  (void *)a, npages ? "pfree" : "free", ptr,
		  rc == -EALREADY ? "already freed" : "not from this heap");
	return 0;
#else
	(void)a;
	(void)ptr;
	(void)npages;
	return 1;
#endif
}

static inline void *account(struct uk_alloc *a, void *p)
{
	if (unlikely(!p))
		stats_fail(a);
	else if (stats_on)
		stats_alloc(a, a->ops->usable_size(a, p));
	return p;
}

void *uk_malloc(struct uk_alloc *a, size_t size)
{
	if (unlikely(!a))
		return NULL;
	if (unlikely(size > UK_ALLOC_MAX_SIZE)) {
		stats_fail(a);
		return NULL;
	}
	return account(a, a->ops->malloc(a, size));
}

void uk_free(struct uk_alloc *a, void *ptr)
{
	if (unlikely(!a || !ptr))
		return;
	if (!free_allowed(a, ptr, 0))
		return;
	if (stats_on)
		stats_free(a, a->ops->usable_size(a, ptr));
	a->ops->free(a, ptr);
}

void *uk_calloc(struct uk_alloc *a, size_t nmemb, size_t size)
{
	size_t bytes;
	void *p;

	if (unlikely(!a))
		return NULL;
	if (__builtin_mul_overflow(nmemb, size, &bytes)) {
		stats_fail(a);
		return NULL;
	}
	p = uk_malloc(a, bytes);
	if (p)
		memset(p, 0, bytes);
	return p;
}

static inline int align_ok(size_t align)
{
	return align >= sizeof(void *) && !(align & (align - 1));
}

int uk_posix_memalign(struct uk_alloc *a, void **memptr, size_t align,
		      size_t size)
{
	void *p;

	if (!align_ok(align))
		return -EINVAL;
	if (unlikely(!a))
		return -ENOMEM;
	if (unlikely(size > UK_ALLOC_MAX_SIZE || align > UK_ALLOC_MAX_SIZE)) {
		stats_fail(a);
		return -ENOMEM;
	}
	if (align <= UK_ALLOC_MIN_ALIGN)
		p = a->ops->malloc(a, size);
	else
		p = a->ops->memalign(a, align, size);
	if (!account(a, p))
		return -ENOMEM;
	*memptr = p;
	return 0;
}

void *uk_memalign(struct uk_alloc *a, size_t align, size_t size)
{
	void *p;

	return uk_posix_memalign(a, &p, align, size) ? NULL : p;
}

/* Allocate, copy and free: for backends that cannot resize in place. */
static void *realloc_move(struct uk_alloc *a, void *ptr, size_t size)
{
	size_t old = a->ops->usable_size(a, ptr);
	void *p;

	p = a->ops->malloc(a, size);
	if (!p)
		return NULL;
	memcpy(p, ptr, MIN(old, size));
	a->ops->free(a, ptr);
	return p;
}

void *uk_realloc(struct uk_alloc *a, void *ptr, size_t size)
{
	size_t old = 0;
	void *p = NULL;

	if (!ptr)
		return uk_malloc(a, size);
	if (unlikely(!a))
		return NULL;
	if (size == 0) {
		uk_free(a, ptr);
		return NULL;
	}
	if (!free_allowed(a, ptr, 0))
		return NULL;
	if (unlikely(size > UK_ALLOC_MAX_SIZE)) {
		stats_fail(a);
		return NULL;
	}
	if (stats_on)
		old = a->ops->usable_size(a, ptr);
	if (a->ops->realloc)
		p = a->ops->realloc(a, ptr, size);
	if (!p)
		p = realloc_move(a, ptr, size);
	if (!p) {
		stats_fail(a);
		return NULL;
	}
	/* A resize counts as neither an allocation nor a free. */
	if (stats_on) {
		stats_free(a, old);
		stats_alloc(a, a->ops->usable_size(a, p));
#if CONFIG_LIBUKALLOC_STATS
		a->stats.nr_frees--;
		a->stats.nr_allocs--;
#endif
	}
	return p;
}

void *uk_palloc(struct uk_alloc *a, size_t npages)
{
	void *p;

	if (unlikely(!a || npages == 0))
		return NULL;
	if (unlikely(npages > (UK_ALLOC_MAX_SIZE >> UK_ALLOC_PAGE_SHIFT))) {
		stats_fail(a);
		return NULL;
	}
	if (a->ops->palloc) {
		p = a->ops->palloc(a, npages);
		if (!p)
			stats_fail(a);
		else
			stats_alloc(a, npages << UK_ALLOC_PAGE_SHIFT);
		return p;
	}
	return account(a, a->ops->memalign(a, UK_ALLOC_PAGE_SIZE,
					   npages << UK_ALLOC_PAGE_SHIFT));
}

void uk_pfree(struct uk_alloc *a, void *ptr, size_t npages)
{
	if (unlikely(!a || !ptr || npages == 0))
		return;
	if (a->ops->pfree) {
		if (!free_allowed(a, ptr, npages))
			return;
		stats_free(a, npages << UK_ALLOC_PAGE_SHIFT);
		a->ops->pfree(a, ptr, npages);
		return;
	}
	uk_free(a, ptr);
}

size_t uk_alloc_usable_size(struct uk_alloc *a, const void *ptr)
{
	if (!a || !ptr)
		return 0;
	return a->ops->usable_size(a, ptr);
}

size_t uk_alloc_free_bytes(struct uk_alloc *a)
{
	return a ? a->ops->free_bytes(a) : 0;
}

int uk_alloc_stats_get(struct uk_alloc *a, struct uk_alloc_stats *st)
{
	memset(st, 0, sizeof(*st));
	if (!a)
		return 0;
#if CONFIG_LIBUKALLOC_STATS
	*st = a->stats;
#endif
	st->free_bytes = a->ops->free_bytes(a);
	st->free_pages = st->free_bytes >> UK_ALLOC_PAGE_SHIFT;
	return stats_on ? 0 : -ENOTSUP;
}

int uk_alloc_addmem(struct uk_alloc *a, void *base, size_t len)
{
	if (!a || !base)
		return -EINVAL;
	if ((uintptr_t)base + len < (uintptr_t)base)
		return -EINVAL;
	return a->ops->addmem(a, base, len);
}

const char *uk_alloc_backend_of(struct uk_alloc *a)
{
	return a ? a->backend : NULL;
}
