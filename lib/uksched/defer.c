/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Deferred work: interrupt handlers queue a uk_sched_defer, the scheduler
 * runs it in thread context. The list is LIFO and touched with interrupts
 * off, the only lock a single CPU needs against its own handlers; the
 * runner takes the whole list at once and calls each entry with
 * interrupts on.
 */
#include <uk/sched_impl.h>
#include <uk/plat/irq.h>

struct uk_sched_defer *volatile _uk_sched_deferred;

void uk_sched_defer(struct uk_sched_defer *d)
{
	unsigned long flags = uk_plat_irq_save();

	if (!d->queued) {
		d->queued = 1;
		d->next = _uk_sched_deferred;
		_uk_sched_deferred = d;
	}
	uk_plat_irq_restore(flags);
}

void uk_sched_run_deferred(void)
{
	struct uk_sched_defer *d, *next;
	unsigned long flags;

	while (_uk_sched_deferred) {
		flags = uk_plat_irq_save();
		d = _uk_sched_deferred;
		_uk_sched_deferred = NULL;
		uk_plat_irq_restore(flags);
		for (; d; d = next) {
			next = d->next;
			/* Cleared first: @fn may queue @d again. */
			d->queued = 0;
			d->fn(d->arg);
		}
	}
}
