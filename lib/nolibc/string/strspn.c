/* SPDX-License-Identifier: BSD-3-Clause */
/* A 256-bit set of the accepted bytes makes each test one lookup. */
#include <string.h>

#define SET_WORD(c) ((unsigned char)(c) / 64)
#define SET_BIT(c) (1ULL << ((unsigned char)(c) % 64))

size_t strspn(const char *s, const char *accept)
{
	unsigned long long set[4] = { 0 };
	const char *p;

	for (; *accept; accept++)
		set[SET_WORD(*accept)] |= SET_BIT(*accept);
	for (p = s; *p && (set[SET_WORD(*p)] & SET_BIT(*p)); p++)
		;
	return p - s;
}
