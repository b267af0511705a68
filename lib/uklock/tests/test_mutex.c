/* SPDX-License-Identifier: BSD-3-Clause */
/* Mutexes: ownership, recursion, and contention with yields inside. */
#include <errno.h>
#include <uk/lock.h>
#include <uk/test.h>

static struct uk_mutex busy_m = UK_MUTEX_INITIALIZER(0);

static void *try_busy(void *arg __unused)
{
	/* Held by main: trylock fails, unlock is not ours to do. */
	if (uk_mutex_trylock(&busy_m) != -EBUSY)
		return (void *)1;
	if (uk_mutex_unlock(&busy_m) != -EPERM)
		return (void *)2;
	return NULL;
}

UK_TESTCASE(uklock, mutex_ownership)
{
	struct uk_thread *t;
	void *ret = (void *)-1;

	UK_TEST_EXPECT_INT_EQ(uk_mutex_unlock(&busy_m), -EPERM);
	UK_TEST_EXPECT_INT_EQ(uk_mutex_lock(&busy_m), 0);
	UK_TEST_EXPECT(uk_mutex_is_locked(&busy_m));
	/* Not recursive: the owner cannot take it twice. */
	UK_TEST_EXPECT_INT_EQ(uk_mutex_lock(&busy_m), -EDEADLK);
	UK_TEST_EXPECT_INT_EQ(uk_mutex_trylock(&busy_m), -EBUSY);
	uk_thread_create(&t, "try", 0, try_busy, NULL);
	uk_thread_join(t, &ret);
	UK_TEST_EXPECT_PTR_EQ(ret, NULL);
	UK_TEST_EXPECT_INT_EQ(uk_mutex_unlock(&busy_m), 0);
	UK_TEST_EXPECT(!uk_mutex_is_locked(&busy_m));
}

UK_TESTCASE(uklock, mutex_recursive)
{
	struct uk_mutex m;

	uk_mutex_init(&m, UK_MUTEX_RECURSIVE);
	UK_TEST_EXPECT_INT_EQ(uk_mutex_lock(&m), 0);
	UK_TEST_EXPECT_INT_EQ(uk_mutex_lock(&m), 0);
	UK_TEST_EXPECT_INT_EQ(uk_mutex_trylock(&m), 0);
	UK_TEST_EXPECT_INT_EQ(uk_mutex_unlock(&m), 0);
	UK_TEST_EXPECT_INT_EQ(uk_mutex_unlock(&m), 0);
	UK_TEST_EXPECT(uk_mutex_is_locked(&m));
	UK_TEST_EXPECT_INT_EQ(uk_mutex_unlock(&m), 0);
	UK_TEST_EXPECT(!uk_mutex_is_locked(&m));
	UK_TEST_EXPECT_INT_EQ(uk_mutex_unlock(&m), -EPERM);
}

#define WORKERS 4
#define ROUNDS 200

static struct {
	struct uk_mutex m;
	long counter;
	int inside;		/* threads in the critical section */
	int overlaps;		/* times two were inside at once */
	int done[WORKERS];
} cont;

static void *contender(void *arg)
{
	int id = (int)(uintptr_t)arg, i;
	long v;

	for (i = 0; i < ROUNDS; i++) {
		uk_mutex_lock(&cont.m);
		if (cont.inside++)
			cont.overlaps++;
		/* Read, let everyone else run, write: a lost update if the
		 * mutex let another thread in. */
		v = cont.counter;
		uk_sched_yield();
		cont.counter = v + 1;
		cont.inside--;
		uk_mutex_unlock(&cont.m);
		/* Lock again at once: hand-off must still be fair. */
		cont.done[id]++;
	}
	return NULL;
}

UK_TESTCASE(uklock, mutex_contention_with_yields)
{
	struct uk_thread *t[WORKERS];
	int i;

	uk_mutex_init(&cont.m, 0);
	cont.counter = 0;
	cont.inside = cont.overlaps = 0;
	for (i = 0; i < WORKERS; i++) {
		cont.done[i] = 0;
		UK_TEST_ASSERT_INT_EQ(uk_thread_create(&t[i], "contender", 0,
						       contender,
						       (void *)(uintptr_t)i),
				      0);
	}
	for (i = 0; i < WORKERS; i++)
		uk_thread_join(t[i], NULL);
	UK_TEST_EXPECT_INT_EQ(cont.counter, WORKERS * ROUNDS);
	UK_TEST_EXPECT_INT_EQ(cont.overlaps, 0);
	UK_TEST_EXPECT(!uk_mutex_is_locked(&cont.m));
	for (i = 0; i < WORKERS; i++)
		UK_TEST_EXPECT_INT_EQ(cont.done[i], ROUNDS);
}
