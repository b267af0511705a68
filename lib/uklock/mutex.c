/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mutexes with hand-off: an unlock with waiters makes the longest waiter
 * the owner before waking it. Without hand-off a cooperative thread that
 * unlocks and locks again would always win (the woken waiter only runs
 * later) and could starve the others for ever.
 */
#include <errno.h>
#include <uk/lock.h>

void uk_mutex_init(struct uk_mutex *m, unsigned int flags)
{
	m->owner = NULL;
	m->depth = 0;
	m->flags = flags;
	uk_waitq_init(&m->waiters);
}

int uk_mutex_trylock(struct uk_mutex *m)
{
	struct uk_thread *self = uk_thread_current();

	if (!m->owner) {
		m->owner = self;
		m->depth = 1;
		return 0;
	}
	if (m->owner == self && (m->flags & UK_MUTEX_RECURSIVE)) {
		m->depth++;
		return 0;
	}
	return -EBUSY;
}

int uk_mutex_lock(struct uk_mutex *m)
{
	struct uk_thread *self = uk_thread_current();

	if (uk_mutex_trylock(m) == 0)
		return 0;
	if (m->owner == self)
		return -EDEADLK;
	/* The unlocker sets owner to us before it wakes us. */
	uk_waitq_wait_event(&m->waiters, m->owner == self);
	return 0;
}

int uk_mutex_unlock(struct uk_mutex *m)
{
	if (m->owner != uk_thread_current() || !m->owner)
		return -EPERM;
	if (--m->depth)
		return 0;
	if (uk_waitq_empty(&m->waiters)) {
		m->owner = NULL;
		return 0;
	}
	m->owner = m->waiters.first->thread;
	m->depth = 1;
	uk_waitq_wake_one(&m->waiters);
	return 0;
}
