/* SPDX-License-Identifier: BSD-3-Clause */
/* The cooperative policy: FIFO turns, no preemption, idle halting. */
#include <uk/sched.h>
#include <uk/test.h>
#include <uk/plat/time.h>

static char trace[16];
static int ntrace;

static void *turns(void *arg)
{
	int i;

	for (i = 0; i < 3; i++) {
		trace[ntrace++] = (char)(uintptr_t)arg;
		uk_sched_yield();
	}
	return NULL;
}

/*
 * The cases' threads have the smallest stack (UK_THREAD_STACK_MIN): the
 * suite then needs about 64 x 12 KiB = 768 KiB of free heap (its largest
 * case, many_sleepers_in_deadline_order), and fits an image given 4 MiB.
 * With less, a creation fails with -ENOMEM: the case joins the threads it
 * made (none is left behind, spinning or queued) and fails.
 */
#define TEST_STACK UK_THREAD_STACK_MIN

/* Join the first @n threads of @t. */
static void join_all(struct uk_thread **t, int n)
{
	int i;

	for (i = 0; i < n; i++)
		uk_thread_join(t[i], NULL);
}

UK_TESTCASE(ukschedcoop, round_robin)
{
	struct uk_thread *t[3];
	int i, rc = 0;

	ntrace = 0;
	for (i = 0; i < 3 && !rc; i++)
		rc = uk_thread_create(&t[i], "turns", TEST_STACK, turns,
				      (void *)(uintptr_t)('a' + i));
	if (rc) {
		join_all(t, i - 1);
		UK_TEST_ASSERT_INT_EQ(rc, 0);
	}
	/* Nothing runs until we give the CPU away. */
	UK_TEST_EXPECT_INT_EQ(ntrace, 0);
	join_all(t, 3);
	trace[ntrace] = '\0';
	/* Each yield passes the CPU to the next in line, in order. */
	UK_TEST_EXPECT_STR_EQ(trace, "abcabcabc");
}

static volatile int ran;

static void *set_ran(void *arg __unused)
{
	ran = 1;
	return NULL;
}

UK_TESTCASE(ukschedcoop, no_preemption)
{
	struct uk_thread *t;
	__nsec t0 = uk_plat_monotonic_ns();

	ran = 0;
	UK_TEST_ASSERT_INT_EQ(uk_thread_create(&t, "late", TEST_STACK, set_ran,
					       NULL), 0);
	/* 2 ms of work without yielding: the other thread must wait. */
	while (uk_plat_monotonic_ns() - t0 < 2 * UK_NSEC_PER_MSEC)
		;
	UK_TEST_EXPECT_INT_EQ(ran, 0);
	uk_thread_join(t, NULL);
	UK_TEST_EXPECT_INT_EQ(ran, 1);
}

#define NSLEEPERS 64

static struct {
	__nsec base;
	volatile int go;
	int order[NSLEEPERS];
	int n;
	int early;	/* woke before their deadline */
} dl;

static void *deadline_sleeper(void *arg)
{
	int id = (int)(uintptr_t)arg;
	__nsec deadline;

	/*
	 * Wait until every sleeper exists and the deadlines are set: creating
	 * 64 threads can take milliseconds under TCG on a loaded host, and a
	 * deadline already past would return at once, in creation order.
	 */
	while (!dl.go)
		uk_sched_yield();
	/* Deadlines 50 us apart; a later id sleeps longer. */
	deadline = dl.base + (__nsec)id * 50000;
	uk_sched_sleep_until(deadline);
	if (uk_plat_monotonic_ns() < deadline)
		dl.early++;
	dl.order[dl.n++] = id;
	return NULL;
}

UK_TESTCASE(ukschedcoop, many_sleepers_in_deadline_order)
{
	static struct uk_thread *t[NSLEEPERS];
	int i, bad = 0, rc = 0;

	dl.n = 0;
	dl.go = 0;
	dl.early = 0;
	/* Created in a scrambled order (37 is prime to 64). */
	for (i = 0; i < NSLEEPERS && !rc; i++)
		rc = uk_thread_create(&t[i], "dl", TEST_STACK,
				      deadline_sleeper,
				      (void *)(uintptr_t)((i * 37) % NSLEEPERS));
	if (rc) {
		/* Let those made run to their end before failing. */
		dl.base = uk_plat_monotonic_ns();
		dl.go = 1;
		join_all(t, i - 1);
		UK_TEST_ASSERT_INT_EQ(rc, 0);
	}
	/*
	 * 200 ms: far more than 64 threads need to go to sleep, even on Xen
	 * inside QEMU's TCG, where 20 ms were not always enough.
	 */
	dl.base = uk_plat_monotonic_ns() + 200 * UK_NSEC_PER_MSEC;
	dl.go = 1;
	join_all(t, NSLEEPERS);
	UK_TEST_ASSERT_INT_EQ(dl.n, NSLEEPERS);
	for (i = 1; i < NSLEEPERS; i++)
		bad += dl.order[i] < dl.order[i - 1];
	UK_TEST_EXPECT_INT_EQ(bad, 0);
	UK_TEST_EXPECT_INT_EQ(dl.early, 0);
}
