/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The clocks: the platform's. A later change can add a clock offset set
 * by the user (settimeofday) here without touching the platforms.
 */
#include <uk/time.h>
#include <uk/plat/time.h>

__nsec uk_time_monotonic(void)
{
	return uk_plat_monotonic_ns();
}

__nsec uk_time_wall(void)
{
	return uk_plat_wall_ns();
}
