/* SPDX-License-Identifier: BSD-3-Clause */
/* Counting semaphores over a wait queue. */
#include <errno.h>
#include <uk/lock.h>

void uk_semaphore_init(struct uk_semaphore *s, long count)
{
	s->count = count;
	uk_waitq_init(&s->waiters);
}

int uk_semaphore_down_try(struct uk_semaphore *s)
{
	if (s->count <= 0)
		return -EAGAIN;
	s->count--;
	return 0;
}

void uk_semaphore_down(struct uk_semaphore *s)
{
	uk_waitq_wait_event(&s->waiters, s->count > 0);
	s->count--;
}

int uk_semaphore_down_deadline(struct uk_semaphore *s, __nsec deadline)
{
	if (uk_waitq_wait_event_deadline(&s->waiters, s->count > 0,
					 deadline) < 0)
		return -ETIMEDOUT;
	s->count--;
	return 0;
}

void uk_semaphore_up(struct uk_semaphore *s)
{
	s->count++;
	uk_waitq_wake_one(&s->waiters);
}
