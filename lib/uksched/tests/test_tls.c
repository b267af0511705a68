/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Thread-local storage and errno per thread. The __thread variables below
 * give the test image a TLS segment, so every thread gets its own copy,
 * initialised from the program's template, and switches load the thread
 * pointer.
 */
#include <errno.h>
#include <uk/sched.h>
#include <uk/test.h>

static __thread int tls_counter = 42;
static __thread char tls_zeroed[64];

static void *tls_worker(void *arg)
{
	int id = (int)(uintptr_t)arg, bad = 0, i;

	/* Our copy starts from the template, whatever main did. */
	for (i = 0; i < (int)sizeof(tls_zeroed); i++)
		bad |= tls_zeroed[i];
	if (tls_counter != 42 || bad)
		return (void *)-1;
	tls_counter = id;
	tls_zeroed[0] = (char)id;
	errno = id;
	uk_sched_yield();
	/* Other threads ran and wrote theirs: ours is unchanged. */
	if (tls_counter != id || tls_zeroed[0] != (char)id || errno != id)
		return (void *)-2;
	return (void *)&tls_counter;
}

UK_TESTCASE(uksched, tls_per_thread)
{
	struct uk_thread *t[3];
	void *ret[3];
	int i;

	tls_counter = 1000;
	for (i = 0; i < 3; i++) {
		void *arg = (void *)(uintptr_t)(i + 1);

		UK_TEST_ASSERT_INT_EQ(uk_thread_create(&t[i], "tls", 0,
						       tls_worker, arg), 0);
	}
	for (i = 0; i < 3; i++)
		uk_thread_join(t[i], &ret[i]);
	for (i = 0; i < 3; i++)
		UK_TEST_EXPECT((intptr_t)ret[i] > 0);
	/* Distinct copies at distinct addresses, none of them ours. */
	UK_TEST_EXPECT_PTR_NE(ret[0], ret[1]);
	UK_TEST_EXPECT_PTR_NE(ret[0], &tls_counter);
	UK_TEST_EXPECT_INT_EQ(tls_counter, 1000);
}

static void *errno_worker(void *arg __unused)
{
	errno = EIO;
	uk_sched_yield();
	return (void *)(intptr_t)errno;
}

UK_TESTCASE(uksched, errno_per_thread)
{
	struct uk_thread *t;
	void *ret;

	errno = ENOENT;
	UK_TEST_ASSERT_INT_EQ(uk_thread_create(&t, "errno", 0, errno_worker,
					       NULL), 0);
	uk_sched_yield();
	/* The worker set its errno: ours did not move. */
	UK_TEST_EXPECT_INT_EQ(errno, ENOENT);
	uk_thread_join(t, &ret);
	UK_TEST_EXPECT_INT_EQ((intptr_t)ret, EIO);
	UK_TEST_EXPECT_PTR_EQ(&errno, uk_thread_errno_location());
}
