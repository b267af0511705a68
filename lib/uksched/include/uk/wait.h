/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Wait queues: threads wait for a condition that another thread makes
 * true. A waiter puts an entry (on its own stack) in the queue and blocks;
 * a waker takes entries off in FIFO order and makes their threads
 * runnable. Conditions are always re-checked after waking:
 *
 *	uk_waitq_wait_event(&q, data_ready);	// waiter
 *	data_ready = 1;				// waker
 *	uk_waitq_wake_one(&q);
 *
 * Thread context only. Under the cooperative scheduler, checking the
 * condition and queueing cannot be interleaved with a waker, so no wake-up
 * is lost; a preemptive scheduler will need a lock around both.
 */
#ifndef UK_WAIT_H
#define UK_WAIT_H

#include <errno.h>
#include <uk/sched.h>

struct uk_waitq_entry {
	struct uk_waitq_entry *next, *prev;
	struct uk_thread *thread;
	int woken;
};

struct uk_waitq {
	struct uk_waitq_entry *first, *last;
};

#define UK_WAITQ_INITIALIZER { NULL, NULL }

static inline void uk_waitq_init(struct uk_waitq *wq)
{
	wq->first = wq->last = NULL;
}

static inline int uk_waitq_empty(const struct uk_waitq *wq)
{
	return !wq->first;
}

/*
 * Block the current thread in @wq until a wake call picks it or until
 * @deadline (0: none).
 * @return 0 when woken, -ETIMEDOUT when the deadline passed first.
 */
int uk_waitq_wait(struct uk_waitq *wq, __nsec deadline);

/* Wake the longest waiter / every waiter; @return how many were woken. */
int uk_waitq_wake_one(struct uk_waitq *wq);
int uk_waitq_wake_all(struct uk_waitq *wq);

/* Wait until @cond is true (evaluated before each wait). */
#define uk_waitq_wait_event(wq, cond)                                        \
	do {                                                                 \
		while (!(cond))                                              \
			uk_waitq_wait((wq), 0);                              \
	} while (0)

/*
 * Wait until @cond is true or the monotonic time @deadline passes.
 * Evaluates to 0 when @cond became true, -ETIMEDOUT otherwise.
 */
#define uk_waitq_wait_event_deadline(wq, cond, deadline)                     \
	({                                                                   \
		int __rc = 0;                                                \
		while (!(cond)) {                                            \
			if (uk_waitq_wait((wq), (deadline)) == -ETIMEDOUT) { \
				__rc = (cond) ? 0 : -ETIMEDOUT;              \
				break;                                       \
			}                                                    \
		}                                                            \
		__rc;                                                        \
	})

#endif /* UK_WAIT_H */
