/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include "strtox.h"

unsigned long strtoul(const char *__restrict s, char **__restrict endptr,
		      int base)
{
	struct _nolibc_strtox r;

	if (_nolibc_strtox(s, endptr, base, &r)) {
		errno = EINVAL;
		return 0;
	}
	if (r.overflow || r.mag > ULONG_MAX) {
		errno = ERANGE;
		return ULONG_MAX;
	}
	/* C: a '-' negates the value in the unsigned type. */
	return r.neg ? -(unsigned long)r.mag : (unsigned long)r.mag;
}
