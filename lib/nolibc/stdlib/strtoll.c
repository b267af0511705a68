/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include "strtox.h"

long long strtoll(const char *__restrict s, char **__restrict endptr,
		  int base)
{
	struct _nolibc_strtox r;

	if (_nolibc_strtox(s, endptr, base, &r)) {
		errno = EINVAL;
		return 0;
	}
	if (r.neg) {
		/* The negative range reaches one further: -LLONG_MIN. */
		if (r.overflow || r.mag > (unsigned long long)LLONG_MAX + 1) {
			errno = ERANGE;
			return LLONG_MIN;
		}
		return r.mag ? -(long long)(r.mag - 1) - 1 : 0;
	}
	if (r.overflow || r.mag > LLONG_MAX) {
		errno = ERANGE;
		return LLONG_MAX;
	}
	return (long long)r.mag;
}
