/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <time.h>
#include <uk/time.h>

int nanosleep(const struct timespec *req, struct timespec *rem __unused)
{
	if (!req || req->tv_sec < 0 || req->tv_nsec < 0 ||
	    req->tv_nsec >= (long)UK_NSEC_PER_SEC) {
		errno = EINVAL;
		return -1;
	}
	/* A tv_sec too large for nanoseconds sleeps for ever, in effect. */
	if ((__nsec)req->tv_sec > UINT64_MAX / UK_NSEC_PER_SEC - 1)
		uk_time_sleep(UINT64_MAX);
	else
		uk_time_sleep((__nsec)req->tv_sec * UK_NSEC_PER_SEC +
			      req->tv_nsec);
	return 0;
}
