/* SPDX-License-Identifier: BSD-3-Clause */
/* posix-fdtab private: the wait on many files that poll and select share. */
#ifndef POSIX_FDTAB_POLL_CORE_H
#define POSIX_FDTAB_POLL_CORE_H

#include <poll.h>
#include <uk/essentials.h>

/*
 * Fill each revents of @fds (POLLNVAL for a closed fd, nothing for a
 * negative one) and wait until one is non-zero or until @deadline
 * (0: forever; @nowait: do not wait at all).
 * @return how many entries have revents, or -ENOMEM.
 */
long _uk_poll_wait(struct pollfd *fds, nfds_t nfds, __nsec deadline,
		   int nowait);

/* A relative timeout in ms (negative: none) as a deadline (0: none). */
__nsec _uk_poll_deadline_ms(int timeout_ms);

#endif /* POSIX_FDTAB_POLL_CORE_H */
