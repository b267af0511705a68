/* SPDX-License-Identifier: BSD-3-Clause */
/* poll, select and epoll over pipes and eventfds, with timeouts. */
#include <errno.h>
#include <fcntl.h>
#include <sys/eventfd.h>
#include <uk/fdtab.h>
#include <uk/sched.h>
#include <uk/test.h>
#include <uk/plat/time.h>

static int wake_fd;

/* Sleep 20 ms, then make wake_fd readable. */
static void *late_writer(void *arg __unused)
{
	uk_sched_sleep(20 * UK_NSEC_PER_MSEC);
	uk_sys_write(wake_fd, "z", 1);
	return NULL;
}

UK_TESTCASE(posix_fdtab, poll_timeout_and_ready)
{
	struct pollfd pf[3];
	__nsec t0;
	int p[2];

	UK_TEST_ASSERT_INT_EQ(uk_sys_pipe2(p, 0), 0);
	pf[0] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	pf[1] = (struct pollfd){ .fd = p[1], .events = POLLOUT };
	pf[2] = (struct pollfd){ .fd = 4321, .events = POLLIN };
	/* write end ready, read end not, bad fd flagged */
	UK_TEST_EXPECT_INT_EQ(uk_sys_poll(pf, 3, 0), 2);
	UK_TEST_EXPECT_INT_EQ(pf[0].revents, 0);
	UK_TEST_EXPECT(pf[1].revents & POLLOUT);
	UK_TEST_EXPECT_INT_EQ(pf[2].revents, POLLNVAL);
	/* nothing ready: the timeout passes, at least 15 ms */
	t0 = uk_plat_monotonic_ns();
	UK_TEST_EXPECT_INT_EQ(uk_sys_poll(pf, 1, 15), 0);
	UK_TEST_EXPECT(uk_plat_monotonic_ns() - t0 >= 15 * UK_NSEC_PER_MSEC);
	/* writer closed: POLLHUP without asking */
	uk_sys_close(p[1]);
	UK_TEST_EXPECT_INT_EQ(uk_sys_poll(pf, 1, -1), 1);
	UK_TEST_EXPECT(pf[0].revents & POLLHUP);
	uk_sys_close(p[0]);
}

UK_TESTCASE(posix_fdtab, poll_sleeps_until_signalled)
{
	struct uk_thread *t;
	struct pollfd pf;
	__nsec t0;
	int p[2];

	UK_TEST_ASSERT_INT_EQ(uk_sys_pipe2(p, 0), 0);
	wake_fd = p[1];
	uk_thread_create(&t, "late", 0, late_writer, NULL);
	pf = (struct pollfd){ .fd = p[0], .events = POLLIN };
	t0 = uk_plat_monotonic_ns();
	/* blocks with no timeout; the writer 20 ms later wakes us */
	UK_TEST_EXPECT_INT_EQ(uk_sys_poll(&pf, 1, -1), 1);
	UK_TEST_EXPECT(pf.revents & POLLIN);
	UK_TEST_EXPECT(uk_plat_monotonic_ns() - t0 >= 19 * UK_NSEC_PER_MSEC);
	uk_thread_join(t, NULL);
	uk_sys_close(p[0]);
	uk_sys_close(p[1]);
}

UK_TESTCASE(posix_fdtab, select_sets)
{
	struct timeval tv = { 0, 10000 };
	fd_set r, w;
	int p[2], e;

	UK_TEST_ASSERT_INT_EQ(uk_sys_pipe2(p, 0), 0);
	e = uk_sys_eventfd2(1, 0);
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(p[0], &r);
	FD_SET(e, &r);
	FD_SET(p[1], &w);
	/* eventfd readable, pipe writable, pipe read end not */
	UK_TEST_EXPECT_INT_EQ(uk_sys_select(e + 1, &r, &w, NULL, &tv), 2);
	UK_TEST_EXPECT(!FD_ISSET(p[0], &r));
	UK_TEST_EXPECT(FD_ISSET(e, &r));
	UK_TEST_EXPECT(FD_ISSET(p[1], &w));
	/* only the empty pipe: the timeout passes, sets come back empty */
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	tv = (struct timeval){ 0, 5000 };
	UK_TEST_EXPECT_INT_EQ(uk_sys_select(p[0] + 1, &r, NULL, NULL, &tv),
			      0);
	UK_TEST_EXPECT(!FD_ISSET(p[0], &r));
	/* a closed fd in a set is EBADF */
	FD_SET(900, &r);
	UK_TEST_EXPECT_INT_EQ(uk_sys_select(901, &r, NULL, NULL, &tv),
			      -EBADF);
	UK_TEST_EXPECT_INT_EQ(uk_sys_select(-1, NULL, NULL, NULL, &tv),
			      -EINVAL);
	uk_sys_close(e);
	uk_sys_close(p[0]);
	uk_sys_close(p[1]);
}

UK_TESTCASE(posix_fdtab, epoll_level_edge_oneshot)
{
	struct epoll_event ev, out[4];
	int ep, lt, et, os;
	uint64_t one = 1;

	ep = uk_sys_epoll_create1(0);
	UK_TEST_ASSERT(ep >= 0);
	lt = uk_sys_eventfd2(0, EFD_NONBLOCK);
	et = uk_sys_eventfd2(0, EFD_NONBLOCK);
	os = uk_sys_eventfd2(0, EFD_NONBLOCK);
	ev = (struct epoll_event){ .events = EPOLLIN, .data.u32 = 1 };
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_ctl(ep, EPOLL_CTL_ADD, lt, &ev), 0);
	ev = (struct epoll_event){ .events = EPOLLIN | EPOLLET,
				   .data.u32 = 2 };
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_ctl(ep, EPOLL_CTL_ADD, et, &ev), 0);
	ev = (struct epoll_event){ .events = EPOLLIN | EPOLLONESHOT,
				   .data.u32 = 3 };
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_ctl(ep, EPOLL_CTL_ADD, os, &ev), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_ctl(ep, EPOLL_CTL_ADD, os, &ev),
			      -EEXIST);
	/* nothing ready yet */
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_wait(ep, out, 4, 0), 0);
	uk_sys_write(lt, &one, 8);
	uk_sys_write(et, &one, 8);
	uk_sys_write(os, &one, 8);
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_wait(ep, out, 4, 0), 3);
	/* again without reading: only the level-triggered one reports */
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_wait(ep, out, 4, 0), 1);
	UK_TEST_EXPECT_UINT_EQ(out[0].data.u32, 1);
	UK_TEST_EXPECT_UINT_EQ(out[0].events, EPOLLIN);
	/* a new edge reports the edge-triggered one again */
	uk_sys_write(et, &one, 8);
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_wait(ep, out, 4, 0), 2);
	/* the one-shot stays quiet until re-armed with MOD */
	uk_sys_write(os, &one, 8);
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_wait(ep, out, 4, 0), 1);
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_ctl(ep, EPOLL_CTL_MOD, os, &ev), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_wait(ep, out, 4, 0), 2);
	/* DEL removes; a second DEL does not find it */
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_ctl(ep, EPOLL_CTL_DEL, lt, NULL), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_ctl(ep, EPOLL_CTL_DEL, lt, NULL),
			      -ENOENT);
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_wait(ep, out, 4, 0), 0);
	/* closing a watched file drops its registration */
	uk_sys_close(et);
	uk_sys_close(os);
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_wait(ep, out, 4, 0), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_wait(ep, out, 0, 0), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_wait(lt, out, 4, 0), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev),
			      -EINVAL);
	uk_sys_close(lt);
	uk_sys_close(ep);
}

UK_TESTCASE(posix_fdtab, epoll_wait_sleeps_and_nests)
{
	struct epoll_event ev = { .events = EPOLLIN }, out[2];
	struct uk_thread *t;
	int ep, outer, p[2];
	__nsec t0;

	ep = uk_sys_epoll_create1(EPOLL_CLOEXEC);
	outer = uk_sys_epoll_create1(0);
	UK_TEST_ASSERT_INT_EQ(uk_sys_pipe2(p, 0), 0);
	ev.data.fd = p[0];
	uk_sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
	ev.data.fd = ep;
	/* an epoll inside an epoll works; a loop of them is refused */
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_ctl(outer, EPOLL_CTL_ADD, ep, &ev),
			      0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_ctl(ep, EPOLL_CTL_ADD, outer, &ev),
			      -ELOOP);
	/* timeout with nothing to report */
	t0 = uk_plat_monotonic_ns();
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_wait(outer, out, 2, 10), 0);
	UK_TEST_EXPECT(uk_plat_monotonic_ns() - t0 >= 10 * UK_NSEC_PER_MSEC);
	/* a writer 20 ms later wakes the waiter through both levels */
	wake_fd = p[1];
	uk_thread_create(&t, "late", 0, late_writer, NULL);
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_wait(outer, out, 2, 2000), 1);
	UK_TEST_EXPECT_INT_EQ(out[0].data.fd, ep);
	UK_TEST_EXPECT_INT_EQ(uk_sys_epoll_wait(ep, out, 2, 0), 1);
	UK_TEST_EXPECT_INT_EQ(out[0].data.fd, p[0]);
	uk_thread_join(t, NULL);
	uk_sys_close(outer);
	uk_sys_close(ep);
	uk_sys_close(p[0]);
	uk_sys_close(p[1]);
}
