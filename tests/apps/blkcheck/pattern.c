/* SPDX-License-Identifier: BSD-3-Clause */
/* The disk pattern: see pattern.h. */
#include <string.h>
#include "pattern.h"

#define WORDS (PATTERN_UNIT / 8)

static uint64_t mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void unit_fill(uint64_t *w, uint64_t u, uint64_t seed)
{
	uint64_t base = seed * 0x9e3779b97f4a7c15ULL + u * WORDS;

	w[0] = u;
	w[1] = seed;
	for (unsigned int i = 2; i < WORDS; i++)
		w[i] = mix(base + i);
}

void pattern_fill(void *buf, uint64_t u, uint64_t n, uint64_t seed)
{
	uint64_t *w = buf;

	for (uint64_t k = 0; k < n; k++, w += WORDS)
		unit_fill(w, u + k, seed);
}

int64_t pattern_check(const void *buf, uint64_t u, uint64_t n, uint64_t seed,
		      unsigned int *byte)
{
	const unsigned char *p = buf;
	uint64_t want[WORDS];

	for (uint64_t k = 0; k < n; k++, p += PATTERN_UNIT) {
		unit_fill(want, u + k, seed);
		if (!memcmp(p, want, PATTERN_UNIT))
			continue;
		for (unsigned int b = 0; b < PATTERN_UNIT; b++)
			if (p[b] != ((unsigned char *)want)[b]) {
				*byte = b;
				break;
			}
		return (int64_t)k;
	}
	return -1;
}
