/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The simple search: O(strlen(haystack) * strlen(needle)) at worst, which
 * is fine for the short strings a kernel searches. A two-way search would
 * make the worst case linear at the cost of a much larger function.
 */
#include <string.h>

char *strstr(const char *haystack, const char *needle)
{
	size_t len = strlen(needle);

	if (!len)
		return (char *)haystack;
	for (; (haystack = strchr(haystack, needle[0])); haystack++) {
		if (!strncmp(haystack, needle, len))
			return (char *)haystack;
	}
	return NULL;
}
