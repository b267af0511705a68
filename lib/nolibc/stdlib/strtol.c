/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include "strtox.h"

long strtol(const char *__restrict s, char **__restrict endptr, int base)
{
	struct _nolibc_strtox r;

	if (_nolibc_strtox(s, endptr, base, &r)) {
		errno = EINVAL;
		return 0;
	}
	if (r.neg) {
		/* The negative range reaches one further: -LONG_MIN. */
		if (r.overflow || r.mag > (unsigned long)LONG_MAX + 1) {
			errno = ERANGE;
			return LONG_MIN;
		}
		return r.mag ? -(long)(r.mag - 1) - 1 : 0;
	}
	if (r.overflow || r.mag > LONG_MAX) {
		errno = ERANGE;
		return LONG_MAX;
	}
	return (long)r.mag;
}
