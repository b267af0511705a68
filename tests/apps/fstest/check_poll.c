/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * poll, select and epoll over a pipe, an eventfd, the console and a
 * regular file: readiness as each object's state says, and timeouts
 * that wait as long as asked (not less, not much more).
 */
#include <fcntl.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <unistd.h>
#include "check.h"

/*
 * A wait of @ms must take at least @ms - 2 (clock granularity) and end
 * within 2 s more (a guest descheduled on a loaded host runs late; a
 * timeout that never fires is what this catches).
 */
static int waited(long t0, int ms)
{
	long dt = fst_now_ms() - t0;

	return dt >= ms - 2 && dt < ms + 2000;
}

void fst_check_poll(const char *dir)
{
	struct epoll_event ev, evs[8];
	struct pollfd pfd[4];
	struct timeval tv;
	fd_set rfds, wfds;
	int p[2], efd, ffd, ep, n, i, got;
	uint64_t v;
	long t0;
	char c;

	if (chdir(dir) < 0)
		return;
	FST_OK("poll.pipe", pipe(p));
	efd = FST_OK("poll.eventfd", eventfd(0, 0));
	ffd = open("pollfile", O_CREAT | O_RDWR, 0644);

	/* Nothing readable yet: poll waits its whole timeout. */
	pfd[0] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	pfd[1] = (struct pollfd){ .fd = efd, .events = POLLIN };
	t0 = fst_now_ms();
	n = poll(pfd, 2, 100);
	FST_TRUE("poll.timeout", n == 0 && waited(t0, 100),
		 "poll gave %d after %ld ms (want 0 after 100)", n,
		 fst_now_ms() - t0);
	/* Writable ends, and a regular file, are ready at once. */
	pfd[0] = (struct pollfd){ .fd = p[1], .events = POLLOUT };
	pfd[1] = (struct pollfd){ .fd = ffd, .events = POLLIN | POLLOUT };
	pfd[2] = (struct pollfd){ .fd = 1, .events = POLLOUT };
	pfd[3] = (struct pollfd){ .fd = efd, .events = POLLOUT };
	n = poll(pfd, 4, 1000);
	FST_TRUE("poll.ready_now", n == 4 && pfd[0].revents == POLLOUT &&
		 pfd[1].revents == (POLLIN | POLLOUT) &&
		 (pfd[2].revents & POLLOUT) && pfd[3].revents == POLLOUT,
		 "n=%d pipe %x file %x console %x eventfd %x", n,
		 pfd[0].revents, pfd[1].revents, pfd[2].revents,
		 pfd[3].revents);
	/* Data in the pipe, a count in the eventfd: readable. */
	write(p[1], "x", 1);
	eventfd_write(efd, 3);
	pfd[0] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	pfd[1] = (struct pollfd){ .fd = efd, .events = POLLIN };
	pfd[2] = (struct pollfd){ .fd = 999, .events = POLLIN };
	n = poll(pfd, 3, 1000);
	FST_TRUE("poll.readable", n == 3 && pfd[0].revents == POLLIN &&
		 pfd[1].revents == POLLIN && pfd[2].revents == POLLNVAL,
		 "n=%d pipe %x eventfd %x bad fd %x", n, pfd[0].revents,
		 pfd[1].revents, pfd[2].revents);
	/* The console's input: nothing typed, so a timeout (0 or ready). */
	pfd[0] = (struct pollfd){ .fd = 0, .events = POLLIN };
	t0 = fst_now_ms();
	n = poll(pfd, 1, 50);
	FST_TRUE("poll.console_in", (n == 0 && waited(t0, 50)) ||
		 (n == 1 && (pfd[0].revents & (POLLIN | POLLHUP))),
		 "poll(stdin, 50 ms) = %d revents %x after %ld ms", n,
		 pfd[0].revents, fst_now_ms() - t0);

	/* select: the same objects. */
	FD_ZERO(&rfds);
	FD_ZERO(&wfds);
	FD_SET(p[0], &rfds);
	FD_SET(efd, &rfds);
	FD_SET(ffd, &rfds);
	FD_SET(1, &wfds);
	tv = (struct timeval){ 1, 0 };
	n = select(64, &rfds, &wfds, NULL, &tv);
	FST_TRUE("select.ready", n == 4 && FD_ISSET(p[0], &rfds) &&
		 FD_ISSET(efd, &rfds) && FD_ISSET(ffd, &rfds) &&
		 FD_ISSET(1, &wfds), "select gave %d", n);
	read(p[0], &c, 1);
	eventfd_read(efd, &v);
	FST_TRUE("eventfd.value", v == 3, "eventfd read %llu",
		 (unsigned long long)v);
	FD_ZERO(&rfds);
	FD_SET(p[0], &rfds);
	FD_SET(efd, &rfds);
	tv = (struct timeval){ 0, 80000 };
	t0 = fst_now_ms();
	n = select(64, &rfds, NULL, NULL, &tv);
	FST_TRUE("select.timeout", n == 0 && waited(t0, 80) &&
		 !FD_ISSET(p[0], &rfds), "select gave %d after %ld ms", n,
		 fst_now_ms() - t0);

	/* epoll: level-triggered, edge-triggered, a timeout, a file. */
	ep = FST_OK("epoll.create1", epoll_create1(EPOLL_CLOEXEC));
	ev = (struct epoll_event){ .events = EPOLLIN, .data.u32 = 1 };
	FST_OK("epoll.add_pipe", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	ev = (struct epoll_event){ .events = EPOLLIN | EPOLLET,
				   .data.u32 = 2 };
	FST_OK("epoll.add_eventfd", epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev));
	ev = (struct epoll_event){ .events = EPOLLOUT, .data.u32 = 3 };
	FST_OK("epoll.add_console", epoll_ctl(ep, EPOLL_CTL_ADD, 1, &ev));
	ev = (struct epoll_event){ .events = EPOLLIN, .data.u32 = 4 };
	FST_ERR("epoll.regular_file_refused",
		epoll_ctl(ep, EPOLL_CTL_ADD, ffd, &ev), EPERM);
	ev = (struct epoll_event){ .events = EPOLLIN, .data.u32 = 1 };
	FST_ERR("epoll.add_twice", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev),
		EEXIST);
	n = epoll_wait(ep, evs, 8, 0);
	FST_TRUE("epoll.console_only", n == 1 && evs[0].data.u32 == 3,
		 "epoll_wait gave %d (first %u)", n, n > 0 ? evs[0].data.u32
						    : 0);
	FST_OK("epoll.del_console", epoll_ctl(ep, EPOLL_CTL_DEL, 1, NULL));
	t0 = fst_now_ms();
	n = epoll_wait(ep, evs, 8, 100);
	FST_TRUE("epoll.timeout", n == 0 && waited(t0, 100),
		 "epoll_wait gave %d after %ld ms", n, fst_now_ms() - t0);
	write(p[1], "ab", 2);
	eventfd_write(efd, 1);
	n = epoll_wait(ep, evs, 8, 1000);
	got = 0;
	for (i = 0; i < n; i++)
		got |= 1 << evs[i].data.u32;
	FST_TRUE("epoll.both_ready", n == 2 && got == 6, "n=%d mask %x", n,
		 got);
	/* Level-triggered reports again; edge-triggered does not. */
	n = epoll_wait(ep, evs, 8, 0);
	FST_TRUE("epoll.level_vs_edge", n == 1 && evs[0].data.u32 == 1,
		 "second wait gave %d (first %u)", n,
		 n > 0 ? evs[0].data.u32 : 0);
	ev = (struct epoll_event){ .events = EPOLLIN | EPOLLONESHOT,
				   .data.u32 = 1 };
	FST_OK("epoll.mod_oneshot", epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));
	n = epoll_wait(ep, evs, 8, 0);
	i = epoll_wait(ep, evs, 8, 0);
	FST_TRUE("epoll.oneshot", n == 1 && i == 0,
		 "oneshot reported %d then %d", n, i);
	close(ep);
	close(p[0]);
	close(p[1]);
	close(efd);
	close(ffd);
	unlink("pollfile");
}
