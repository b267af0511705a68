/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Heapsort: O(n log n) comparisons even on adversarial input, constant
 * stack and no allocation, which matter more in a kernel than the speed a
 * quicksort gains on average. Not stable, as C allows.
 */
#include <stdint.h>
#include <stdlib.h>

struct sort {
	char *base;
	size_t size;
	int (*cmp)(const void *, const void *);
	int wordwise;	/* elements are whole, aligned longs */
};

static void swap(const struct sort *s, size_t i, size_t j)
{
	char *a = s->base + i * s->size, *b = s->base + j * s->size;
	size_t n = s->size;

	if (s->wordwise) {
		unsigned long *x = (unsigned long *)a, *y = (unsigned long *)b;

		for (; n; n -= sizeof(long)) {
			unsigned long t = *x;

			*x++ = *y;
			*y++ = t;
		}
		return;
	}
	for (; n; n--) {
		char t = *a;

		*a++ = *b;
		*b++ = t;
	}
}

static int less(const struct sort *s, size_t i, size_t j)
{
	return s->cmp(s->base + i * s->size, s->base + j * s->size) < 0;
}

/* Move element @root down until the heap of @n elements is ordered. */
static void sift_down(const struct sort *s, size_t root, size_t n)
{
	for (;;) {
		size_t child = 2 * root + 1;

		if (child >= n)
			return;
		if (child + 1 < n && less(s, child, child + 1))
			child++;
		if (!less(s, root, child))
			return;
		swap(s, root, child);
		root = child;
	}
}

void qsort(void *base, size_t nmemb, size_t size,
	   int (*compar)(const void *, const void *))
{
	struct sort s = {
		.base = base,
		.size = size,
		.cmp = compar,
		.wordwise = ((uintptr_t)base | size) % sizeof(long) == 0,
	};
	size_t i;

	if (nmemb < 2 || !size)
		return;
	/* Build a max-heap, then move its top to the end, one at a time. */
	for (i = nmemb / 2; i-- > 0;)
		sift_down(&s, i, nmemb);
	for (i = nmemb - 1; i > 0; i--) {
		swap(&s, 0, i);
		sift_down(&s, 0, i);
	}
}
