/* SPDX-License-Identifier: BSD-3-Clause */
/* eventfd: a 64-bit counter as a file. */
#ifndef _NOLIBC_SYS_EVENTFD_H
#define _NOLIBC_SYS_EVENTFD_H

#include <stdint.h>
#include <fcntl.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint64_t eventfd_t;

#define EFD_SEMAPHORE	1
#define EFD_CLOEXEC	O_CLOEXEC
#define EFD_NONBLOCK	O_NONBLOCK

int eventfd(unsigned int initval, int flags);
int eventfd_read(int fd, eventfd_t *value);
int eventfd_write(int fd, eventfd_t value);

#ifdef __cplusplus
}
#endif

#endif /* _NOLIBC_SYS_EVENTFD_H */
