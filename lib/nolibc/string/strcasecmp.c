/* SPDX-License-Identifier: BSD-3-Clause */
#include <ctype.h>
#include <strings.h>

int strcasecmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	while (*x && tolower(*x) == tolower(*y)) {
		x++;
		y++;
	}
	return tolower(*x) - tolower(*y);
}
