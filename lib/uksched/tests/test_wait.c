/* SPDX-License-Identifier: BSD-3-Clause */
/* Wait queues: FIFO wake-ups, wake-all, deadlines, condition waits. */
#include <errno.h>
#include <uk/sched.h>
#include <uk/test.h>
#include <uk/wait.h>
#include <uk/plat/time.h>

static struct uk_waitq wq = UK_WAITQ_INITIALIZER;
static int log_[8], nlog;

static void *waiter(void *arg)
{
	uk_waitq_wait(&wq, 0);
	log_[nlog++] = (int)(uintptr_t)arg;
	return NULL;
}

UK_TESTCASE(uksched, waitq_fifo_and_all)
{
	struct uk_thread *t[4];
	int i;

	nlog = 0;
	for (i = 0; i < 4; i++)
		uk_thread_create(&t[i], "waiter", 0, waiter,
				 (void *)(uintptr_t)i);
	/* Let them all queue up. */
	uk_sched_yield();
	UK_TEST_EXPECT(!uk_waitq_empty(&wq));
	UK_TEST_EXPECT_INT_EQ(nlog, 0);
	/* One wake-up wakes the longest waiter, and only it. */
	UK_TEST_EXPECT_INT_EQ(uk_waitq_wake_one(&wq), 1);
	uk_sched_yield();
	UK_TEST_EXPECT_INT_EQ(nlog, 1);
	UK_TEST_EXPECT_INT_EQ(log_[0], 0);
	UK_TEST_EXPECT_INT_EQ(uk_waitq_wake_all(&wq), 3);
	UK_TEST_EXPECT(uk_waitq_empty(&wq));
	for (i = 0; i < 4; i++)
		uk_thread_join(t[i], NULL);
	UK_TEST_EXPECT_INT_EQ(nlog, 4);
	UK_TEST_EXPECT_INT_EQ(log_[1], 1);
	UK_TEST_EXPECT_INT_EQ(log_[3], 3);
	UK_TEST_EXPECT_INT_EQ(uk_waitq_wake_one(&wq), 0);
}

UK_TESTCASE(uksched, waitq_deadline)
{
	struct uk_waitq q = UK_WAITQ_INITIALIZER;
	__nsec t0 = uk_plat_monotonic_ns();
	int never = 0;

	/* Nobody wakes us: the deadline does, and we leave the queue. */
	UK_TEST_EXPECT_INT_EQ(uk_waitq_wait(&q, t0 + 2 * UK_NSEC_PER_MSEC),
			      -ETIMEDOUT);
	UK_TEST_EXPECT(uk_plat_monotonic_ns() - t0 >= 2 * UK_NSEC_PER_MSEC);
	UK_TEST_EXPECT(uk_waitq_empty(&q));
	UK_TEST_EXPECT_INT_EQ(uk_waitq_wait_event_deadline(&q, never,
							   t0), -ETIMEDOUT);
	never = 1;
	UK_TEST_EXPECT_INT_EQ(uk_waitq_wait_event_deadline(&q, never, t0), 0);
}

static struct uk_waitq flagq = UK_WAITQ_INITIALIZER;
static int flag;

static void *set_flag_later(void *arg __unused)
{
	uk_sched_sleep(UK_NSEC_PER_MSEC);
	flag = 1;
	uk_waitq_wake_all(&flagq);
	return NULL;
}

UK_TESTCASE(uksched, waitq_event)
{
	struct uk_thread *t;

	flag = 0;
	uk_thread_create(&t, "setter", 0, set_flag_later, NULL);
	uk_waitq_wait_event(&flagq, flag == 1);
	UK_TEST_EXPECT_INT_EQ(flag, 1);
	uk_thread_join(t, NULL);
}
