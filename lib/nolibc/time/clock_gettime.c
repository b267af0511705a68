/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include "clock.h"

int clock_gettime(clockid_t clock, struct timespec *ts)
{
	__nsec ns;
	int rc = _nolibc_clock_read(clock, &ns);

	if (rc < 0) {
		errno = -rc;
		return -1;
	}
	ts->tv_sec = ns / UK_NSEC_PER_SEC;
	ts->tv_nsec = ns % UK_NSEC_PER_SEC;
	return 0;
}
