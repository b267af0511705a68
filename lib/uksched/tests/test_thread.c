/* SPDX-License-Identifier: BSD-3-Clause */
/* Threads: create, exit, join, detach, names, errors, and many threads. */
#include <errno.h>
#include <uk/sched.h>
#include <uk/test.h>

static void *add_one(void *arg)
{
	return (void *)((uintptr_t)arg + 1);
}

UK_TESTCASE(uksched, create_join)
{
	struct uk_thread *t;
	unsigned int n0 = uk_sched_thread_count();
	void *ret = NULL;

	UK_TEST_ASSERT_NOT_NULL(uk_thread_current());
	UK_TEST_ASSERT_INT_EQ(uk_thread_create(&t, "adder", 0, add_one,
					       (void *)41), 0);
	UK_TEST_EXPECT_STR_EQ(uk_thread_name(t), "adder");
	UK_TEST_EXPECT_UINT_EQ(uk_sched_thread_count(), n0 + 1);
	/* before: not run yet (nobody yielded); after: ended, returned 42 */
	UK_TEST_EXPECT_INT_EQ(uk_thread_join(t, &ret), 0);
	UK_TEST_EXPECT_UINT_EQ((uintptr_t)ret, 42);
	UK_TEST_EXPECT_UINT_EQ(uk_sched_thread_count(), n0);
}

static void __noreturn leave_deep(int depth)
{
	if (depth == 0)
		uk_thread_exit((void *)7);
	leave_deep(depth - 1);
}

static void *exits_early(void *arg __unused)
{
	leave_deep(5);
}

UK_TESTCASE(uksched, exit_from_nested_call)
{
	struct uk_thread *t;
	void *ret = NULL;

	UK_TEST_ASSERT_INT_EQ(uk_thread_create(&t, NULL, 0, exits_early,
					       NULL), 0);
	UK_TEST_EXPECT_STR_EQ(uk_thread_name(t), "");
	UK_TEST_EXPECT_INT_EQ(uk_thread_join(t, &ret), 0);
	UK_TEST_EXPECT_UINT_EQ((uintptr_t)ret, 7);
}

UK_TESTCASE(uksched, names_are_copied_and_cut)
{
	char name[] = "temporary";
	struct uk_thread *t;

	UK_TEST_ASSERT_INT_EQ(uk_thread_create(&t, name, 0, add_one, NULL),
			      0);
	name[0] = 'X';
	UK_TEST_EXPECT_STR_EQ(uk_thread_name(t), "temporary");
	uk_thread_join(t, NULL);
	UK_TEST_ASSERT_INT_EQ(uk_thread_create(&t,
		"a-very-long-thread-name-that-goes-on-and-on", 0, add_one,
		NULL), 0);
	UK_TEST_EXPECT_STR_EQ(uk_thread_name(t),
			      "a-very-long-thread-name-that-go");
	uk_thread_join(t, NULL);
	UK_TEST_EXPECT_STR_EQ(uk_thread_name(uk_thread_current()), "main");
}

UK_TESTCASE(uksched, create_errors)
{
	struct uk_thread *t;

	UK_TEST_EXPECT_INT_EQ(uk_thread_create(&t, "x", 1024, add_one, NULL),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_thread_create(&t, "x", 0, NULL, NULL),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_thread_create(&t, "x", (size_t)1 << 44,
					       add_one, NULL), -ENOMEM);
	UK_TEST_EXPECT_INT_EQ(uk_thread_join(uk_thread_current(), NULL),
			      -EDEADLK);
}

static int detached_ran;

static void *count_run(void *arg __unused)
{
	detached_ran++;
	return NULL;
}

UK_TESTCASE(uksched, detach)
{
	unsigned int n0 = uk_sched_thread_count();
	struct uk_thread *a, *b;
	int i;

	detached_ran = 0;
	UK_TEST_ASSERT_INT_EQ(uk_thread_create(&a, "det-a", 0, count_run,
					       NULL), 0);
	UK_TEST_ASSERT_INT_EQ(uk_thread_create(&b, "det-b", 0, count_run,
					       NULL), 0);
	/* Detached before it ran, and after it ended. */
	UK_TEST_EXPECT_INT_EQ(uk_thread_detach(a), 0);
	UK_TEST_EXPECT_INT_EQ(uk_thread_detach(a), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_thread_join(a, NULL), -EINVAL);
	for (i = 0; i < 10 && detached_ran < 2; i++)
		uk_sched_yield();
	UK_TEST_EXPECT_INT_EQ(detached_ran, 2);
	UK_TEST_EXPECT_INT_EQ(uk_thread_detach(b), 0);
	/* Both freed themselves (or were freed): back to the start. */
	uk_sched_yield();
	UK_TEST_EXPECT_UINT_EQ(uk_sched_thread_count(), n0);
}

#define MANY 1000

static unsigned int many_ran;

static void *many_fn(void *arg)
{
	many_ran++;
	/* Let the others run in between: all 1000 are alive at once. */
	uk_sched_yield();
	return arg;
}

/*
 * 1000 threads of 12 KiB (stack and structure): about 12 MiB of heap, the
 * most any case asks. An image running every suite wants MEM=16M; with
 * less, this case fails (fewer created), the others run on.
 */
UK_TESTCASE(uksched, thousand_threads)
{
	static struct uk_thread *t[MANY];
	unsigned int n0 = uk_sched_thread_count(), i, created, bad = 0;
	void *ret;

	many_ran = 0;
	for (created = 0; created < MANY; created++)
		if (uk_thread_create(&t[created], "many", UK_THREAD_STACK_MIN,
				     many_fn, (void *)(uintptr_t)created))
			break;
	UK_TEST_EXPECT_UINT_EQ(created, MANY);
	UK_TEST_EXPECT_UINT_EQ(uk_sched_thread_count(), n0 + created);
	for (i = 0; i < created; i++) {
		if (uk_thread_join(t[i], &ret) || ret != (void *)(uintptr_t)i)
			bad++;
	}
	UK_TEST_EXPECT_UINT_EQ(bad, 0);
	UK_TEST_EXPECT_UINT_EQ(many_ran, created);
	UK_TEST_EXPECT_UINT_EQ(uk_sched_thread_count(), n0);
}
