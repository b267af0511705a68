/* SPDX-License-Identifier: BSD-3-Clause */
/* epoll: readiness notification over a set of file descriptors. */
#ifndef _NOLIBC_SYS_EPOLL_H
#define _NOLIBC_SYS_EPOLL_H

#include <stdint.h>
#include <fcntl.h>

#ifdef __cplusplus
extern "C" {
#endif

#define EPOLL_CLOEXEC	O_CLOEXEC

#define EPOLL_CTL_ADD	1
#define EPOLL_CTL_DEL	2
#define EPOLL_CTL_MOD	3

#define EPOLLIN		0x001U
#define EPOLLPRI	0x002U
#define EPOLLOUT	0x004U
#define EPOLLERR	0x008U
#define EPOLLHUP	0x010U
#define EPOLLRDNORM	0x040U
#define EPOLLRDBAND	0x080U
#define EPOLLWRNORM	0x100U
#define EPOLLWRBAND	0x200U
#define EPOLLMSG	0x400U
#define EPOLLRDHUP	0x2000U
#define EPOLLEXCLUSIVE	(1U << 28)
#define EPOLLWAKEUP	(1U << 29)
#define EPOLLONESHOT	(1U << 30)
#define EPOLLET		(1U << 31)

typedef union epoll_data {
	void *ptr;
	int fd;
	uint32_t u32;
	uint64_t u64;
} epoll_data_t;

/* Packed on x86_64, as Linux's system call ABI has it. */
struct epoll_event {
	uint32_t events;
	epoll_data_t data;
} __attribute__((__packed__));

int epoll_create(int size);
int epoll_create1(int flags);
int epoll_ctl(int epfd, int op, int fd, struct epoll_event *ev);
int epoll_wait(int epfd, struct epoll_event *evs, int maxevents,
	       int timeout);

#ifdef __cplusplus
}
#endif

#endif /* _NOLIBC_SYS_EPOLL_H */
