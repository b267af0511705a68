/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Wait queues (uk/wait.h): a doubly linked FIFO of entries that live on
 * the waiters' stacks. A waker unlinks the entry and marks it woken before
 * waking the thread, so a waiter whose deadline passed knows whether it
 * must still unlink itself.
 */
#include <errno.h>
#include <uk/sched_impl.h>
#include <uk/wait.h>

static void unlink_entry(struct uk_waitq *wq, struct uk_waitq_entry *e)
{
	if (e->prev)
		e->prev->next = e->next;
	else
		wq->first = e->next;
	if (e->next)
		e->next->prev = e->prev;
	else
		wq->last = e->prev;
}

int uk_waitq_wait(struct uk_waitq *wq, __nsec deadline)
{
	struct uk_waitq_entry e = {
		.thread = uk_thread_current(),
		.prev = wq->last,
	};
	int rc;

	if (!e.thread)
		return -ENOSYS;
	/*
	 * The queue points at our stack only while we wait: a waker unlinks
	 * the entry before waking us, and a timeout unlinks it below. gcc
	 * cannot see that and warns about a dangling pointer.
	 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdangling-pointer"
	if (wq->last)
		wq->last->next = &e;
	else
		wq->first = &e;
	wq->last = &e;
#pragma GCC diagnostic pop

	while (!e.woken) {
		rc = uk_thread_block(deadline);
		if (rc == -ETIMEDOUT && !e.woken) {
			unlink_entry(wq, &e);
			return -ETIMEDOUT;
		}
	}
	return 0;
}

static int wake_first(struct uk_waitq *wq)
{
	struct uk_waitq_entry *e = wq->first;

	if (!e)
		return 0;
	unlink_entry(wq, e);
	e->woken = 1;
	uk_thread_wake(e->thread);
	return 1;
}

int uk_waitq_wake_one(struct uk_waitq *wq)
{
	return wake_first(wq);
}

int uk_waitq_wake_all(struct uk_waitq *wq)
{
	int n = 0;

	while (wake_first(wq))
		n++;
	return n;
}
