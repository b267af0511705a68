/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

/* Characters compare as unsigned char, as C requires. */
int strcmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	while (*x && *x == *y) {
		x++;
		y++;
	}
	return *x - *y;
}
