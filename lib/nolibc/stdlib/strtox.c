/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The parser behind strtol() and its siblings. It computes the magnitude in
 * unsigned long long and flags an overflow; each caller checks the range of
 * its own type, so the four functions share every parsing rule.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include "strtox.h"

/* The value of a digit in bases up to 36; 36 or more for anything else. */
static unsigned int digit_value(unsigned char c)
{
	unsigned int lower = c | 0x20;

	if ((unsigned int)c - '0' < 10)
		return c - '0';
	if (lower - 'a' < 26)
		return lower - 'a' + 10;
	return 36;
}

int _nolibc_strtox(const char *s, char **endptr, int base,
		   struct _nolibc_strtox *res)
{
	const unsigned char *p = (const unsigned char *)s;
	int any = 0;

	res->mag = 0;
	res->neg = 0;
	res->overflow = 0;
	if (base < 0 || base == 1 || base > 36) {
		if (endptr)
			*endptr = (char *)s;
		return -EINVAL;
	}

	while (isspace(*p))
		p++;
	if (*p == '+' || *p == '-')
		res->neg = *p++ == '-';

	/*
	 * "0x" is a prefix only if a hex digit follows; otherwise the "0"
	 * alone is the number and the end pointer stops at the 'x'.
	 */
	if ((base == 0 || base == 16) && p[0] == '0' &&
	    (p[1] | 0x20) == 'x' && digit_value(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = p[0] == '0' ? 8 : 10;
	}

	for (;; p++) {
		unsigned int d = digit_value(*p);

		if (d >= (unsigned int)base)
			break;
		any = 1;
		if (res->mag > (ULLONG_MAX - d) / base)
			res->overflow = 1;
		else
			res->mag = res->mag * base + d;
	}
	if (res->overflow)
		res->mag = ULLONG_MAX;
	if (endptr)
		*endptr = (char *)(any ? (const char *)p : s);
	if (!any)
		res->neg = 0;
	return 0;
}
