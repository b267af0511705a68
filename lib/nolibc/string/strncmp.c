/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	if (!n)
		return 0;
	while (--n && *x && *x == *y) {
		x++;
		y++;
	}
	return *x - *y;
}
