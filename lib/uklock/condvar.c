/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Condition variables. Unlocking the mutex and queueing on the condition
 * cannot be separated by another thread under the cooperative scheduler
 * (nothing runs in between), so a signal sent after the unlock is never
 * lost.
 */
#include <errno.h>
#include <uk/lock.h>

void uk_condvar_init(struct uk_condvar *cv)
{
	uk_waitq_init(&cv->waiters);
}

int uk_condvar_wait_deadline(struct uk_condvar *cv, struct uk_mutex *m,
			     __nsec deadline)
{
	int rc;

	if (m->owner != uk_thread_current() || m->depth != 1)
		return -EPERM;
	uk_mutex_unlock(m);
	rc = uk_waitq_wait(&cv->waiters, deadline);
	uk_mutex_lock(m);
	return rc;
}

int uk_condvar_wait(struct uk_condvar *cv, struct uk_mutex *m)
{
	return uk_condvar_wait_deadline(cv, m, 0);
}

void uk_condvar_signal(struct uk_condvar *cv)
{
	uk_waitq_wake_one(&cv->waiters);
}

void uk_condvar_broadcast(struct uk_condvar *cv)
{
	uk_waitq_wake_all(&cv->waiters);
}
