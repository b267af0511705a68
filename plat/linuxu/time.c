/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Clocks of a linuxu image: the host's CLOCK_MONOTONIC and CLOCK_REALTIME
 * through the clock_gettime system call. The vDSO would be faster but
 * needs an ELF parser at boot; a syscall costs well under a microsecond.
 */
#include <uk/plat/time.h>
#include <linuxu/syscall.h>
#include <linuxu/time.h>

static __nsec clock_ns(int clock)
{
	struct k_timespec ts;

	if (sys_clock_gettime(clock, &ts) < 0 || ts.tv_sec < 0)
		return 0;
	return (__nsec)ts.tv_sec * UK_NSEC_PER_SEC + ts.tv_nsec;
}

__nsec uk_plat_monotonic_ns(void)
{
	return clock_ns(K_CLOCK_MONOTONIC);
}

__nsec uk_plat_wall_ns(void)
{
	return clock_ns(K_CLOCK_REALTIME);
}
