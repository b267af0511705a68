/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdlib.h>

/*
 * @base must be sorted as @compar orders it; returns some element equal to
 * @key, or NULL.
 */
void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
	      int (*compar)(const void *, const void *))
{
	size_t lo = 0, hi = nmemb;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *elem = (const char *)base + mid * size;
		int c = compar(key, elem);

		if (c < 0)
			hi = mid;
		else if (c > 0)
			lo = mid + 1;
		else
			return (void *)elem;
	}
	return NULL;
}
