/* SPDX-License-Identifier: BSD-3-Clause */
/* Condition variables: a bounded buffer, broadcast, and timeouts. */
#include <errno.h>
#include <uk/lock.h>
#include <uk/test.h>
#include <uk/plat/time.h>

#define SLOTS 4
#define ITEMS 500

static struct {
	struct uk_mutex m;
	struct uk_condvar not_full, not_empty;
	int buf[SLOTS];
	int head, count;
} bb;

static void *producer(void *arg __unused)
{
	int i;

	for (i = 1; i <= ITEMS; i++) {
		uk_mutex_lock(&bb.m);
		while (bb.count == SLOTS)
			uk_condvar_wait(&bb.not_full, &bb.m);
		bb.buf[(bb.head + bb.count++) % SLOTS] = i;
		uk_condvar_signal(&bb.not_empty);
		uk_mutex_unlock(&bb.m);
	}
	return NULL;
}

UK_TESTCASE(uklock, condvar_bounded_buffer)
{
	struct uk_thread *t;
	long sum = 0;
	int i, v, last = 0, bad = 0;

	uk_mutex_init(&bb.m, 0);
	uk_condvar_init(&bb.not_full);
	uk_condvar_init(&bb.not_empty);
	bb.head = bb.count = 0;
	UK_TEST_ASSERT_INT_EQ(uk_thread_create(&t, "producer", 0, producer,
					       NULL), 0);
	for (i = 0; i < ITEMS; i++) {
		uk_mutex_lock(&bb.m);
		while (bb.count == 0)
			uk_condvar_wait(&bb.not_empty, &bb.m);
		v = bb.buf[bb.head];
		bb.head = (bb.head + 1) % SLOTS;
		bb.count--;
		uk_condvar_signal(&bb.not_full);
		uk_mutex_unlock(&bb.m);
		bad += v != last + 1;
		last = v;
		sum += v;
	}
	uk_thread_join(t, NULL);
	UK_TEST_EXPECT_INT_EQ(bad, 0);
	UK_TEST_EXPECT_INT_EQ(sum, (long)ITEMS * (ITEMS + 1) / 2);
}

static struct uk_mutex gate_m = UK_MUTEX_INITIALIZER(0);
static struct uk_condvar gate_cv = UK_CONDVAR_INITIALIZER;
static int gate_open, passed;

static void *gate_waiter(void *arg __unused)
{
	uk_mutex_lock(&gate_m);
	while (!gate_open)
		uk_condvar_wait(&gate_cv, &gate_m);
	passed++;
	uk_mutex_unlock(&gate_m);
	return NULL;
}

UK_TESTCASE(uklock, condvar_broadcast_and_timeout)
{
	struct uk_thread *t[3];
	__nsec t0;
	int i;

	gate_open = passed = 0;
	for (i = 0; i < 3; i++)
		uk_thread_create(&t[i], "gate", 0, gate_waiter, NULL);
	uk_sched_yield();
	UK_TEST_EXPECT_INT_EQ(passed, 0);
	uk_mutex_lock(&gate_m);
	gate_open = 1;
	uk_condvar_broadcast(&gate_cv);
	uk_mutex_unlock(&gate_m);
	for (i = 0; i < 3; i++)
		uk_thread_join(t[i], NULL);
	UK_TEST_EXPECT_INT_EQ(passed, 3);

	/* Nobody signals: the deadline ends the wait, mutex held again. */
	uk_mutex_lock(&gate_m);
	t0 = uk_plat_monotonic_ns();
	UK_TEST_EXPECT_INT_EQ(uk_condvar_wait_deadline(&gate_cv, &gate_m,
						       t0 + 1000000),
			      -ETIMEDOUT);
	UK_TEST_EXPECT_PTR_EQ(gate_m.owner, uk_thread_current());
	uk_mutex_unlock(&gate_m);
	/* Waiting without holding the mutex is refused. */
	UK_TEST_EXPECT_INT_EQ(uk_condvar_wait(&gate_cv, &gate_m), -EPERM);
}
