/* SPDX-License-Identifier: BSD-3-Clause */
/* select(): readiness of up to FD_SETSIZE descriptors as bit sets. */
#ifndef _NOLIBC_SYS_SELECT_H
#define _NOLIBC_SYS_SELECT_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef _NOLIBC_TIMEVAL
#define _NOLIBC_TIMEVAL
struct timeval {
	time_t tv_sec;
	suseconds_t tv_usec;
};
#endif

#define FD_SETSIZE	1024
#define __NFDBITS	(8 * (int)sizeof(unsigned long))

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / __NFDBITS];
} fd_set;

#define FD_ZERO(s) __builtin_memset((s), 0, sizeof(fd_set))
#define FD_SET(d, s)                                                         \
	((s)->fds_bits[(d) / __NFDBITS] |= (1UL << ((d) % __NFDBITS)))
#define FD_CLR(d, s)                                                         \
	((s)->fds_bits[(d) / __NFDBITS] &= ~(1UL << ((d) % __NFDBITS)))
#define FD_ISSET(d, s)                                                       \
	(!!((s)->fds_bits[(d) / __NFDBITS] & (1UL << ((d) % __NFDBITS))))

int select(int nfds, fd_set *__restrict rfds, fd_set *__restrict wfds,
	   fd_set *__restrict efds, struct timeval *__restrict timeout);

#ifdef __cplusplus
}
#endif

#endif /* _NOLIBC_SYS_SELECT_H */
