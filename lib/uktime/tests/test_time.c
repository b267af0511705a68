/* SPDX-License-Identifier: BSD-3-Clause */
/* Clocks and sleeping, through uktime and libc. */
#include <errno.h>
#include <time.h>
#include <uk/test.h>
#include <uk/time.h>

/* 2020-01-01T00:00:00Z: any real wall clock is later. */
#define Y2020 1577836800LL

UK_TESTCASE(uktime, monotonic_never_decreases)
{
	__nsec prev = uk_time_monotonic(), now;
	int i, back = 0;

	for (i = 0; i < 10000; i++) {
		now = uk_time_monotonic();
		back += now < prev;
		prev = now;
	}
	UK_TEST_EXPECT_INT_EQ(back, 0);
	UK_TEST_EXPECT(prev > 0);
}

UK_TESTCASE(uktime, wall_clock)
{
	__nsec w = uk_time_wall();
	time_t t, t2;

	UK_TEST_EXPECT((long long)(w / UK_NSEC_PER_SEC) > Y2020);
	t = time(&t2);
	UK_TEST_EXPECT_INT_EQ(t, t2);
	UK_TEST_EXPECT((long long)t - (long long)(w / UK_NSEC_PER_SEC) <= 2);
	UK_TEST_EXPECT(t >= (time_t)(w / UK_NSEC_PER_SEC));
}

UK_TESTCASE(uktime, clock_gettime)
{
	struct timespec a, b, res;

	UK_TEST_ASSERT_INT_EQ(clock_gettime(CLOCK_MONOTONIC, &a), 0);
	UK_TEST_ASSERT_INT_EQ(clock_gettime(CLOCK_MONOTONIC, &b), 0);
	UK_TEST_EXPECT(b.tv_sec > a.tv_sec ||
		       (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec));
	UK_TEST_EXPECT(a.tv_nsec >= 0 && a.tv_nsec < 1000000000);
	UK_TEST_ASSERT_INT_EQ(clock_gettime(CLOCK_REALTIME, &a), 0);
	UK_TEST_EXPECT((long long)a.tv_sec > Y2020);
	UK_TEST_EXPECT_INT_EQ(clock_getres(CLOCK_MONOTONIC, &res), 0);
	UK_TEST_EXPECT_INT_EQ(res.tv_sec, 0);
	UK_TEST_EXPECT(res.tv_nsec > 0);
	errno = 0;
	UK_TEST_EXPECT_INT_EQ(clock_gettime(12345, &a), -1);
	UK_TEST_EXPECT_INT_EQ(errno, EINVAL);
}

UK_TESTCASE(uktime, sleeping)
{
	struct timespec req = { .tv_sec = 0, .tv_nsec = 3000000 };
	__nsec t0 = uk_time_monotonic(), t1;

	uk_time_sleep(2 * UK_NSEC_PER_MSEC);
	t1 = uk_time_monotonic();
	UK_TEST_EXPECT(t1 - t0 >= 2 * UK_NSEC_PER_MSEC);
	UK_TEST_EXPECT_INT_EQ(nanosleep(&req, NULL), 0);
	UK_TEST_EXPECT(uk_time_monotonic() - t1 >= 3 * UK_NSEC_PER_MSEC);
	/* Bad requests are refused without sleeping. */
	req.tv_nsec = 1000000000;
	errno = 0;
	UK_TEST_EXPECT_INT_EQ(nanosleep(&req, NULL), -1);
	UK_TEST_EXPECT_INT_EQ(errno, EINVAL);
	req.tv_sec = -1;
	req.tv_nsec = 0;
	UK_TEST_EXPECT_INT_EQ(nanosleep(&req, NULL), -1);
}
