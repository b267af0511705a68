/* SPDX-License-Identifier: BSD-3-Clause */
/* Semaphores: counting, try, deadline, and ping-pong between threads. */
#include <errno.h>
#include <uk/lock.h>
#include <uk/test.h>
#include <uk/plat/time.h>

UK_TESTCASE(uklock, semaphore_count)
{
	struct uk_semaphore s;
	__nsec t0;

	uk_semaphore_init(&s, 2);
	UK_TEST_EXPECT_INT_EQ(uk_semaphore_down_try(&s), 0);
	uk_semaphore_down(&s);
	UK_TEST_EXPECT_INT_EQ(uk_semaphore_down_try(&s), -EAGAIN);
	t0 = uk_plat_monotonic_ns();
	UK_TEST_EXPECT_INT_EQ(uk_semaphore_down_deadline(&s, t0 + 1000000),
			      -ETIMEDOUT);
	UK_TEST_EXPECT(uk_plat_monotonic_ns() - t0 >= 1000000);
	uk_semaphore_up(&s);
	UK_TEST_EXPECT_INT_EQ(uk_semaphore_down_deadline(&s, t0), 0);
	UK_TEST_EXPECT_INT_EQ(s.count, 0);
}

#define PINGS 1000

static struct {
	struct uk_semaphore ping, pong;
	char seq[2 * PINGS + 1];
	int n;
} pp;

static void *ponger(void *arg __unused)
{
	int i;

	for (i = 0; i < PINGS; i++) {
		uk_semaphore_down(&pp.ping);
		pp.seq[pp.n++] = 'o';
		uk_semaphore_up(&pp.pong);
	}
	return NULL;
}

UK_TESTCASE(uklock, semaphore_ping_pong)
{
	struct uk_thread *t;
	int i, bad = 0;

	uk_semaphore_init(&pp.ping, 0);
	uk_semaphore_init(&pp.pong, 0);
	pp.n = 0;
	UK_TEST_ASSERT_INT_EQ(uk_thread_create(&t, "ponger", 0, ponger, NULL),
			      0);
	for (i = 0; i < PINGS; i++) {
		pp.seq[pp.n++] = 'i';
		uk_semaphore_up(&pp.ping);
		uk_semaphore_down(&pp.pong);
	}
	uk_thread_join(t, NULL);
	/* Strictly alternating: ping, pong, ping, pong... */
	UK_TEST_ASSERT_INT_EQ(pp.n, 2 * PINGS);
	for (i = 0; i < 2 * PINGS; i++)
		bad += pp.seq[i] != (i % 2 ? 'o' : 'i');
	UK_TEST_EXPECT_INT_EQ(bad, 0);
}
