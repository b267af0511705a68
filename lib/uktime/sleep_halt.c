/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sleeping without a scheduler: there is one flow of control, so halt
 * the CPU until the platform timer (or any interrupt) and look at the
 * clock again. uktime owns the timer in such images; its handler has
 * nothing to do, the halt returning is the event.
 */
#include <uk/init.h>
#include <uk/time.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>

static void on_timer(void *arg __unused)
{
}

void uk_time_sleep(__nsec ns)
{
	__nsec now = uk_plat_monotonic_ns(), deadline;
	unsigned long flags;

	deadline = ns > UINT64_MAX - now ? UINT64_MAX : now + ns;
	flags = uk_plat_irq_save();
	while (uk_plat_monotonic_ns() < deadline) {
		uk_plat_timer_arm(deadline);
		uk_plat_halt_irq();
	}
	uk_plat_timer_arm(0);
	uk_plat_irq_restore(flags);
}

static int sleep_halt_init(void)
{
	uk_plat_timer_set_handler(on_timer, NULL);
	return 0;
}

uk_plat_initcall(sleep_halt_init, NULL);
