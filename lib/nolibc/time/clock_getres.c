/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include "clock.h"

/* The clocks count nanoseconds; that is their resolution as far as we
 * can tell (the platform may tick more coarsely). */
int clock_getres(clockid_t clock, struct timespec *res)
{
	__nsec ns;
	int rc = _nolibc_clock_read(clock, &ns);

	if (rc < 0) {
		errno = -rc;
		return -1;
	}
	if (res) {
		res->tv_sec = 0;
		res->tv_nsec = 1;
	}
	return 0;
}
