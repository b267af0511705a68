/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * With a scheduler in the image, uk_blkdev_sync_io() gives the CPU to
 * other threads while its requests are in flight (replaces the weak
 * spinning default in sync_io.c). Before the scheduler runs,
 * uk_sched_yield() returns at once, so this is still plain polling.
 */
#include <uk/sched.h>
#include "blkdev_internal.h"

void _uk_blkdev_wait(void)
{
	uk_sched_yield();
}
