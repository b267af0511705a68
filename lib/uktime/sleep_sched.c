/* SPDX-License-Identifier: BSD-3-Clause */
/* Sleeping with a scheduler: only the calling thread waits. */
#include <uk/sched.h>
#include <uk/time.h>

void uk_time_sleep(__nsec ns)
{
	uk_sched_sleep(ns);
}
