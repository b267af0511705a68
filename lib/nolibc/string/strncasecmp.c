/* SPDX-License-Identifier: BSD-3-Clause */
#include <ctype.h>
#include <strings.h>

int strncasecmp(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	if (!n)
		return 0;
	while (--n && *x && tolower(*x) == tolower(*y)) {
		x++;
		y++;
	}
	return tolower(*x) - tolower(*y);
}
