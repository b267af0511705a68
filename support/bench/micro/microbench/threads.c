/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Thread figures:
 *   switch_yield: two threads yield to each other; ns per switch.
 *   switch_sem:   two threads hand a semaphore back and forth; ns per
 *                 hand-over (a wake-up plus a switch).
 *   create_join:  create a thread (BENCH_STACK stack) that returns at
 *                 once, and join it; ns per thread.
 * The image has no __thread variables, so switches do not load the
 * thread pointer (with TLS, linuxu adds one arch_prctl system call).
 */
#include <uk/lock.h>
#include <uk/sched.h>
#include "micro.h"
#include "bench.h"

static void *yielder(void *arg __unused)
{
	unsigned long i;

	for (i = 0; i < BENCH_SWITCHES; i++)
		uk_sched_yield();
	return NULL;
}

static struct uk_semaphore ping, pong;

static void *pinger(void *arg __unused)
{
	unsigned long i;

	for (i = 0; i < BENCH_SWITCHES / 2; i++) {
		uk_semaphore_up(&ping);
		uk_semaphore_down(&pong);
	}
	return NULL;
}

static void *ponger(void *arg __unused)
{
	unsigned long i;

	for (i = 0; i < BENCH_SWITCHES / 2; i++) {
		uk_semaphore_down(&ping);
		uk_semaphore_up(&pong);
	}
	return NULL;
}

static void *nothing(void *arg)
{
	return arg;
}

static int pair_of(uk_thread_fn_t f1, uk_thread_fn_t f2, __nsec *ns)
{
	struct uk_thread *a, *b;
	__nsec t0;

	if (uk_thread_create(&a, "bench-a", 0, f1, NULL) ||
	    uk_thread_create(&b, "bench-b", 0, f2, NULL))
		return 1;
	t0 = uk_time_monotonic();
	uk_thread_join(a, NULL);
	uk_thread_join(b, NULL);
	*ns = uk_time_monotonic() - t0;
	return 0;
}

int bench_threads(void)
{
	struct uk_thread *t;
	unsigned long i;
	__nsec ns, t0;

	if (pair_of(yielder, yielder, &ns))
		goto err;
	bench_print("switch_yield", "kiln", 0, ns, 2 * BENCH_SWITCHES);

	uk_semaphore_init(&ping, 0);
	uk_semaphore_init(&pong, 0);
	if (pair_of(pinger, ponger, &ns))
		goto err;
	bench_print("switch_sem", "kiln", 0, ns, BENCH_SWITCHES);

	t0 = uk_time_monotonic();
	for (i = 0; i < BENCH_CREATES; i++) {
		if (uk_thread_create(&t, "bench", BENCH_STACK, nothing, NULL))
			goto err;
		uk_thread_join(t, NULL);
	}
	bench_print("create_join", "kiln", BENCH_STACK,
		    uk_time_monotonic() - t0, BENCH_CREATES);
	return 0;
err:
	fprintf(stderr, "microbench: cannot create threads\n");
	return 1;
}
