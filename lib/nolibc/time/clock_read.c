/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include "clock.h"

int _nolibc_clock_read(clockid_t clock, __nsec *ns)
{
	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ns = uk_time_wall();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ns = uk_time_monotonic();
		return 0;
	default:
		return -EINVAL;
	}
}
