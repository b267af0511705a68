/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The heaps of the image and the backends that can make them. Backends
 * register by linker section (UK_ALLOC_BACKEND), so neither ukalloc nor
 * the boot code names them; heaps join one list, and one of them is the
 * default heap that libc's malloc uses.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc_impl.h>
#include <uk/essentials.h>

static struct {
	struct uk_alloc *first;		/* every heap, newest first */
	struct uk_alloc *dflt;		/* the default heap, or NULL */
} heaps;

static const struct uk_alloc_backend *backend_find(const char *name)
{
	const struct uk_alloc_backend *be;

	UK_TABLE_FOREACH(be, allocbackends)
		if (!strcmp(be->name, name))
			return be;
	return NULL;
}

const char *uk_alloc_backend_name(unsigned int idx)
{
	if (idx >= UK_TABLE_COUNT(allocbackends))
		return NULL;
	return __uk_allocbackends_start[idx].name;
}

/*
 * The heap struct of backend @be, zeroed, at the start of [@base, @base +
 * @len) (aligned), and the rest of the range given to it; NULL when the
 * range is too small for the struct or for the backend.
 */
static struct uk_alloc *heap_place(const struct uk_alloc_backend *be,
				   void *base, size_t len)
{
	uintptr_t start = ALIGN_UP((uintptr_t)base, be->heap_align);
	uintptr_t end = (uintptr_t)base + len;
	struct uk_alloc *a = (struct uk_alloc *)start;

	if (end < start || end - start < be->heap_size)
		return NULL;
	memset(a, 0, be->heap_size);
	a->ops = be->ops;
	a->backend = be->name;
	start += be->heap_size;
	if (be->ops->addmem(a, (void *)start, end - start) < 0)
		return NULL;
	return a;
}

int uk_alloc_create(struct uk_alloc **out, const char *backend, void *base,
		    size_t len)
{
	const struct uk_alloc_backend *be;
	struct uk_alloc *a;

	be = backend_find(backend);
	if (!be)
		return -ENOENT;
	if (!base || (uintptr_t)base + len < (uintptr_t)base)
		return -EINVAL;
	a = heap_place(be, base, len);
	if (!a)
		return -EINVAL;
	a->next = heaps.first;
	heaps.first = a;
	*out = a;
	return 0;
}

int uk_alloc_destroy(struct uk_alloc *a)
{
	struct uk_alloc **pp;

	if (a == heaps.dflt)
		return -EBUSY;
	for (pp = &heaps.first; *pp; pp = &(*pp)->next) {
		if (*pp == a) {
			*pp = a->next;
			break;
		}
	}
	return 0;
}

struct uk_alloc *uk_alloc_get_default(void)
{
	return heaps.dflt;
}

void uk_alloc_set_default(struct uk_alloc *a)
{
	heaps.dflt = a;
}

struct uk_alloc *uk_alloc_first(void)
{
	return heaps.first;
}

struct uk_alloc *uk_alloc_next(struct uk_alloc *a)
{
	return a->next;
}
