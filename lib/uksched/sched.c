/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The scheduler-neutral core: the image's one scheduler, the running
 * thread, switching (thread pointer, context, freeing ended detached
 * threads), and the blocking calls, which the scheduler's operations
 * implement.
 */
#include <errno.h>
#include <uk/assert.h>
#include <uk/sched_impl.h>
#include <uk/plat/time.h>
#include <uk/plat/tls.h>
#include <sched_arch.h>
#include "thread.h"

/* The image's scheduler, set once by uk_sched_start(). */
static struct uk_sched *sched;

/* errno of the boot code, before there are threads. */
static int boot_errno;

struct uk_sched *_uk_sched_get(void)
{
	return sched;
}

int uk_sched_start(struct uk_sched *s, struct uk_alloc *a)
{
	struct uk_thread *main;
	int rc;

	if (sched)
		return -EBUSY;
	s->a = a;
	s->reap = NULL;
	rc = _uk_thread_adopt_boot(s, &main);
	if (rc < 0)
		return rc;
	main->errno_value = boot_errno;
	s->current = main;
	s->nr_threads = 1;
	if (main->tp)
		uk_plat_tls_set(main->tp);
	sched = s;
	return 0;
}

void uk_sched_switch(struct uk_sched *s, struct uk_thread *next)
{
	struct uk_thread *prev = s->current;

	UK_ASSERT(next != prev);
	s->current = next;
	/* Equal when the image has no TLS (both 0): no system call then. */
	if (next->tp != prev->tp)
		uk_plat_tls_set(next->tp);
	_uk_arch_ctx_switch(&prev->sp, next->sp);
	/* Back on our stack: the thread before us may have ended. */
	if (unlikely(s->reap))
		_uk_thread_reap(s);
}

struct uk_thread *uk_thread_current(void)
{
	return sched ? sched->current : NULL;
}

unsigned int uk_sched_thread_count(void)
{
	return sched ? sched->nr_threads : 0;
}

int *uk_thread_errno_location(void)
{
	return sched ? &sched->current->errno_value : &boot_errno;
}

void uk_sched_yield(void)
{
	if (sched)
		sched->ops->yield(sched);
}

int uk_thread_block(__nsec deadline)
{
	struct uk_thread *t;

	if (!sched)
		return -ENOSYS;
	t = sched->current;
	t->state = UK_THREAD_BLOCKED;
	t->timed_out = 0;
	sched->ops->block(sched, deadline);
	return t->timed_out ? -ETIMEDOUT : 0;
}

void uk_thread_wake(struct uk_thread *t)
{
	if (t->state == UK_THREAD_BLOCKED)
		t->sched->ops->wake(t->sched, t);
}

void uk_sched_sleep_until(__nsec deadline)
{
	if (!sched)
		return;
	if (deadline <= uk_plat_monotonic_ns()) {
		uk_sched_yield();
		return;
	}
	/* Only the deadline can end this block: nobody knows we sleep. */
	while (uk_thread_block(deadline) != -ETIMEDOUT)
		;
}

void uk_sched_sleep(__nsec ns)
{
	__nsec now = uk_plat_monotonic_ns();

	/* Saturate: a huge @ns means "for ever", not a wrapped past. */
	uk_sched_sleep_until(ns > UINT64_MAX - now ? UINT64_MAX : now + ns);
}
