/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Linux ABI bits for file descriptors and memory the platform uses:
 * poll(), readv()/writev() segments and anonymous mmap().
 */
#ifndef LINUXU_IO_H
#define LINUXU_IO_H

#include <uk/essentials.h>

#define K_STDIN		0
#define K_STDOUT	1
#define K_STDERR	2

struct k_pollfd {
	int fd;
	short events;
	short revents;
};

/* One segment of readv()/writev(). */
struct k_iovec {
	void *iov_base;
	unsigned long iov_len;
};

#define K_POLLIN	0x0001
#define K_POLLOUT	0x0004
#define K_POLLERR	0x0008
#define K_POLLHUP	0x0010
#define K_POLLNVAL	0x0020

#define K_PROT_READ	0x1
#define K_PROT_WRITE	0x2
#define K_MAP_PRIVATE	0x02
#define K_MAP_ANONYMOUS	0x20

#define K_PAGE_SIZE	4096UL

#endif /* LINUXU_IO_H */
