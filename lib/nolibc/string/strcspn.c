/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A 256-bit set of the rejected bytes; the terminator is in it, which ends
 * the scan without a separate test.
 */
#include <string.h>

#define SET_WORD(c) ((unsigned char)(c) / 64)
#define SET_BIT(c) (1ULL << ((unsigned char)(c) % 64))

size_t strcspn(const char *s, const char *reject)
{
	unsigned long long set[4] = { SET_BIT(0) };
	const char *p;

	for (; *reject; reject++)
		set[SET_WORD(*reject)] |= SET_BIT(*reject);
	for (p = s; !(set[SET_WORD(*p)] & SET_BIT(*p)); p++)
		;
	return p - s;
}
