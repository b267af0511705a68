/* SPDX-License-Identifier: BSD-3-Clause */
/* Sleeping: at least as long as asked, and sleepers wake in order. */
#include <uk/sched.h>
#include <uk/test.h>
#include <uk/plat/time.h>

#define MS UK_NSEC_PER_MSEC

UK_TESTCASE(uksched, sleep_lasts)
{
	__nsec t0 = uk_plat_monotonic_ns(), t1;

	uk_sched_sleep(5 * MS);
	t1 = uk_plat_monotonic_ns();
	UK_TEST_EXPECT(t1 - t0 >= 5 * MS);
	/* A deadline in the past, or 0 ns: just a yield. */
	uk_sched_sleep_until(t0);
	uk_sched_sleep(0);
	UK_TEST_EXPECT(uk_plat_monotonic_ns() - t1 < 1000 * MS);
}

static struct {
	int order[5];
	int n;
	__nsec base;
	volatile int go;
} woke;

/*
 * Deadlines from one base, set once every sleeper exists: sleeps
 * relative to each thread's own start would order them by when they
 * started too, which a loaded host running TCG makes tens of
 * milliseconds apart.
 */
static void *sleeper(void *arg)
{
	int id = (int)(uintptr_t)arg;

	while (!woke.go)
		uk_sched_yield();
	uk_sched_sleep_until(woke.base + (__nsec)(id + 1) * 10 * MS);
	woke.order[woke.n++] = id;
	return NULL;
}

UK_TESTCASE(uksched, sleep_order)
{
	/* Created in scrambled order; they must wake by deadline. */
	static const int ids[5] = { 3, 0, 4, 1, 2 };
	struct uk_thread *t[5];
	int i, rc = 0;

	woke.n = 0;
	woke.go = 0;
	for (i = 0; i < 5 && !rc; i++)
		rc = uk_thread_create(&t[i], "sleeper", 0, sleeper,
				      (void *)(uintptr_t)ids[i]);
	woke.base = uk_plat_monotonic_ns() + 20 * MS;
	woke.go = 1;
	/* On a failed creation, those made still run to their end. */
	for (i = rc ? i - 1 : 5; i-- > 0;)
		uk_thread_join(t[i], NULL);
	UK_TEST_ASSERT_INT_EQ(rc, 0);
	UK_TEST_ASSERT_INT_EQ(woke.n, 5);
	for (i = 0; i < 5; i++)
		UK_TEST_EXPECT_INT_EQ(woke.order[i], i);
}

static volatile int spinner_stop;
static int spins;

static void *spinner(void *arg __unused)
{
	while (!spinner_stop) {
		spins++;
		uk_sched_yield();
	}
	return NULL;
}

UK_TESTCASE(uksched, sleeper_wakes_while_others_run)
{
	struct uk_thread *t;
	__nsec t0 = uk_plat_monotonic_ns();

	/* A thread that keeps yielding never lets the CPU idle... */
	spinner_stop = 0;
	spins = 0;
	UK_TEST_ASSERT_INT_EQ(uk_thread_create(&t, "spinner", 0, spinner,
					       NULL), 0);
	/* ...yet our deadline is honoured by the scheduling decisions. */
	uk_sched_sleep(3 * MS);
	UK_TEST_EXPECT(uk_plat_monotonic_ns() - t0 >= 3 * MS);
	UK_TEST_EXPECT(spins > 0);
	spinner_stop = 1;
	uk_thread_join(t, NULL);
}
