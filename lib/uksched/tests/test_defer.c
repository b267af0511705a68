/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Deferred work: queued with interrupts off, as a handler would, it runs
 * once in thread context and can wake a blocked thread.
 */
#include <errno.h>
#include <uk/sched.h>
#include <uk/test.h>
#include <uk/wait.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>

static struct uk_waitq dq = UK_WAITQ_INITIALIZER;
static int runs, ready;

static void wake_waiter(void *arg __unused)
{
	runs++;
	ready = 1;
	uk_waitq_wake_all(&dq);
}

static struct uk_sched_defer d = { .fn = wake_waiter };

UK_TESTCASE(uksched, defer_wakes_blocked_thread)
{
	__nsec deadline = uk_plat_monotonic_ns() + UK_NSEC_PER_SEC;
	unsigned long flags;

	runs = ready = 0;
	/* before: a handler queues the work twice, with interrupts off */
	flags = uk_plat_irq_save();
	uk_sched_defer(&d);
	uk_sched_defer(&d);
	uk_plat_irq_restore(flags);
	UK_TEST_EXPECT_INT_EQ(runs, 0);
	/* after: blocking lets the scheduler run it; it wakes us once */
	UK_TEST_EXPECT_INT_EQ(uk_waitq_wait_event_deadline(&dq, ready,
							   deadline), 0);
	UK_TEST_EXPECT_INT_EQ(runs, 1);
	UK_TEST_EXPECT(uk_plat_monotonic_ns() < deadline);
}

UK_TESTCASE(uksched, defer_requeue_from_fn)
{
	/* A yield runs pending work too, even with nothing else to run. */
	runs = ready = 0;
	uk_sched_defer(&d);
	uk_sched_yield();
	UK_TEST_EXPECT_INT_EQ(runs, 1);
	uk_sched_defer(&d);
	uk_sched_yield();
	UK_TEST_EXPECT_INT_EQ(runs, 2);
}
