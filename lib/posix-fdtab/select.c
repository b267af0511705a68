/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * select(): the bit sets become a pollfd array for _uk_poll_wait() and
 * the results go back into the sets. As on Linux, "readable" includes
 * end of file and errors, "writable" includes errors, and "exceptional"
 * is urgent data (POLLPRI).
 */
#include <errno.h>
#include <uk/alloc.h>
#include <uk/fdtab.h>
#include <uk/plat/time.h>
#include "poll_core.h"

#define IN_SET (POLLIN | POLLRDNORM | POLLHUP | POLLERR)
#define OUT_SET (POLLOUT | POLLWRNORM | POLLERR)
#define EX_SET (POLLPRI)

static int isset(fd_set *s, int fd)
{
	return s && FD_ISSET(fd, s);
}

long uk_sys_select(int nfds, fd_set *rfds, fd_set *wfds, fd_set *efds,
		   struct timeval *timeout)
{
	struct pollfd *p;
	__nsec deadline = 0;
	int fd, n = 0, i, nowait = 0;
	long rc;

	if (nfds < 0 || nfds > FD_SETSIZE)
		return -EINVAL;
	if (timeout) {
		if (timeout->tv_sec < 0 || timeout->tv_usec < 0 ||
		    timeout->tv_usec >= 1000000)
			return -EINVAL;
		nowait = !timeout->tv_sec && !timeout->tv_usec;
		deadline = uk_plat_monotonic_ns() +
			   (__nsec)timeout->tv_sec * UK_NSEC_PER_SEC +
			   (__nsec)timeout->tv_usec * UK_NSEC_PER_USEC + 1;
	}
	for (fd = 0; fd < nfds; fd++)
		if (isset(rfds, fd) || isset(wfds, fd) || isset(efds, fd))
			n++;
	p = uk_calloc(uk_alloc_get_default(), n ? n : 1, sizeof(*p));
	if (!p)
		return -ENOMEM;
	for (fd = 0, i = 0; fd < nfds; fd++) {
		if (!isset(rfds, fd) && !isset(wfds, fd) && !isset(efds, fd))
			continue;
		p[i].fd = fd;
		p[i].events = (isset(rfds, fd) ? POLLIN : 0) |
			      (isset(wfds, fd) ? POLLOUT : 0) |
			      (isset(efds, fd) ? POLLPRI : 0);
		i++;
	}
	rc = _uk_poll_wait(p, n, deadline, nowait);
	if (rc < 0)
		goto out;
	for (i = 0; i < n; i++) {
		if (p[i].revents & POLLNVAL) {
			rc = -EBADF;
			goto out;
		}
	}
	if (rfds)
		FD_ZERO(rfds);
	if (wfds)
		FD_ZERO(wfds);
	if (efds)
		FD_ZERO(efds);
	for (i = 0, rc = 0; i < n; i++) {
		fd = p[i].fd;
		if ((p[i].events & POLLIN) && (p[i].revents & IN_SET)) {
			FD_SET(fd, rfds);
			rc++;
		}
		if ((p[i].events & POLLOUT) && (p[i].revents & OUT_SET)) {
			FD_SET(fd, wfds);
			rc++;
		}
		if ((p[i].events & POLLPRI) && (p[i].revents & EX_SET)) {
			FD_SET(fd, efds);
			rc++;
		}
	}
	if (timeout) {
		__nsec now = uk_plat_monotonic_ns(), left;

		left = now < deadline ? deadline - now : 0;
		timeout->tv_sec = left / UK_NSEC_PER_SEC;
		timeout->tv_usec = (left % UK_NSEC_PER_SEC) / UK_NSEC_PER_USEC;
	}
out:
	uk_free(uk_alloc_get_default(), p);
	return rc;
}
