/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * poll() and ppoll(): check every file, and if none is ready put one poll
 * entry on each and sleep until any of them signals or the deadline
 * passes, then check again. The entries live on the stack for small sets
 * and in one allocation otherwise.
 */
#include <errno.h>
#include <time.h>
#include <uk/alloc.h>
#include <uk/fdtab.h>
#include <uk/sched.h>
#include <uk/plat/time.h>
#include "poll_core.h"

#define POLL_STACK_FDS 16

struct poll_ctx {
	struct uk_thread *thread;
	int signalled;
};

struct poll_slot {
	struct uk_poll_entry e;
	struct poll_ctx *ctx;
	struct uk_file *f;
};

static void slot_fn(struct uk_poll_entry *e, unsigned int events __unused)
{
	struct poll_slot *s = container_of(e, struct poll_slot, e);

	s->ctx->signalled = 1;
	uk_thread_wake(s->ctx->thread);
}

__nsec _uk_poll_deadline_ms(int timeout_ms)
{
	if (timeout_ms < 0)
		return 0;
	return uk_plat_monotonic_ns() +
	       (__nsec)timeout_ms * UK_NSEC_PER_MSEC + 1;
}

static long scan(struct pollfd *fds, nfds_t nfds, struct poll_slot *s)
{
	unsigned int want;
	long n = 0;
	nfds_t i;

	for (i = 0; i < nfds; i++) {
		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;
		if (!s[i].f) {
			fds[i].revents = POLLNVAL;
		} else {
			want = (unsigned short)fds[i].events | POLLHUP |
			       POLLERR;
			fds[i].revents = uk_file_poll(s[i].f) & want;
		}
		if (fds[i].revents)
			n++;
	}
	return n;
}

long _uk_poll_wait(struct pollfd *fds, nfds_t nfds, __nsec deadline,
		   int nowait)
{
	struct poll_slot stack_slots[POLL_STACK_FDS], *s = stack_slots;
	struct poll_ctx ctx = { .thread = uk_thread_current() };
	int registered = 0, rc;
	nfds_t i;
	long n;

	if (nfds > POLL_STACK_FDS) {
		s = uk_calloc(uk_alloc_get_default(), nfds, sizeof(*s));
		if (!s)
			return -ENOMEM;
	}
	for (i = 0; i < nfds; i++) {
		s[i].ctx = &ctx;
		s[i].f = fds[i].fd >= 0 ? uk_fdtab_get(fds[i].fd) : NULL;
	}
	while (!(n = scan(fds, nfds, s)) && !nowait && ctx.thread) {
		if (!registered) {
			for (i = 0; i < nfds; i++) {
				if (!s[i].f)
					continue;
				s[i].e.events = (unsigned short)fds[i].events;
				s[i].e.fn = slot_fn;
				s[i].e.detach = NULL;
				uk_file_poll_add(s[i].f, &s[i].e);
			}
			registered = 1;
		}
		ctx.signalled = 0;
		rc = uk_thread_block(deadline);
		if (rc == -ETIMEDOUT && !ctx.signalled) {
			n = scan(fds, nfds, s);
			break;
		}
	}
	for (i = 0; i < nfds; i++) {
		if (!s[i].f)
			continue;
		if (registered)
			uk_file_poll_del(&s[i].e);
		uk_file_put(s[i].f);
	}
	if (s != stack_slots)
		uk_free(uk_alloc_get_default(), s);
	return n;
}

long uk_sys_poll(struct pollfd *fds, nfds_t nfds, int timeout_ms)
{
	if (nfds > (nfds_t)uk_fdtab_limit())
		return -EINVAL;
	if (nfds && !fds)
		return -EFAULT;
	return _uk_poll_wait(fds, nfds, _uk_poll_deadline_ms(timeout_ms),
			     timeout_ms == 0);
}

long uk_sys_ppoll(struct pollfd *fds, nfds_t nfds,
		  const struct timespec *timeout)
{
	__nsec deadline = 0;

	if (nfds > (nfds_t)uk_fdtab_limit())
		return -EINVAL;
	if (nfds && !fds)
		return -EFAULT;
	if (timeout) {
		if (timeout->tv_sec < 0 || timeout->tv_nsec < 0 ||
		    timeout->tv_nsec >= (long)UK_NSEC_PER_SEC)
			return -EINVAL;
		deadline = uk_plat_monotonic_ns() +
			   (__nsec)timeout->tv_sec * UK_NSEC_PER_SEC +
			   timeout->tv_nsec + 1;
	}
	return _uk_poll_wait(fds, nfds, deadline,
			     timeout && !timeout->tv_sec && !timeout->tv_nsec);
}
