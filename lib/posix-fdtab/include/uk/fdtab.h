/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The file-descriptor table, and the system calls that work on any open
 * file. One table for the image (a unikernel is one process); fds 0, 1
 * and 2 are the console from boot on.
 *
 * The uk_sys_*() functions are the system calls themselves: the
 * arguments and result of Linux's call of the same name, with a negative
 * errno on failure and errno untouched. The libc wrappers (nolibc's
 * read(), musl through the syscall shim) set errno at the edge.
 */
#ifndef UK_FDTAB_H
#define UK_FDTAB_H

#include <poll.h>
#include <sys/select.h>
#include <sys/epoll.h>
#include <uk/file.h>

/*
 * Give @f a descriptor: the lowest free one >= @min, marked close-on-exec
 * when @cloexec. Takes its own reference to @f.
 * @return the fd, -EMFILE when none below the limit is free, -EINVAL for
 * a negative @min or one past the limit, -ENOMEM.
 */
int uk_fdtab_install(struct uk_file *f, int min, int cloexec);

/*
 * The file open on @fd, with a reference the caller drops with
 * uk_file_put(); NULL when @fd is not open.
 */
struct uk_file *uk_fdtab_get(int fd);

/* The most descriptors the table holds (RLIMIT_NOFILE's value). */
int uk_fdtab_limit(void);

/*
 * The console's open file (what fds 0-2 start as), for devfs' /dev/console;
 * the caller takes its own reference with uk_file_get().
 */
struct uk_file *uk_console_file(void);

/* The calls, as Linux's (see above for the conventions). */
long uk_sys_close(int fd);
long uk_sys_dup(int fd);
long uk_sys_dup2(int oldfd, int newfd);
long uk_sys_dup3(int oldfd, int newfd, int flags);
long uk_sys_fcntl(int fd, int cmd, unsigned long arg);
long uk_sys_read(int fd, void *buf, size_t len);
long uk_sys_write(int fd, const void *buf, size_t len);
long uk_sys_readv(int fd, const struct iovec *iov, int iovcnt);
long uk_sys_writev(int fd, const struct iovec *iov, int iovcnt);
long uk_sys_pread64(int fd, void *buf, size_t len, off_t off);
long uk_sys_pwrite64(int fd, const void *buf, size_t len, off_t off);
long uk_sys_preadv(int fd, const struct iovec *iov, int iovcnt, off_t off);
long uk_sys_pwritev(int fd, const struct iovec *iov, int iovcnt,
		    off_t off);
long uk_sys_lseek(int fd, off_t off, int whence);
long uk_sys_ioctl(int fd, unsigned long req, void *arg);
long uk_sys_fstat(int fd, struct stat *st);

long uk_sys_poll(struct pollfd *fds, nfds_t nfds, int timeout_ms);
long uk_sys_ppoll(struct pollfd *fds, nfds_t nfds,
		  const struct timespec *timeout);
long uk_sys_select(int nfds, fd_set *rfds, fd_set *wfds, fd_set *efds,
		   struct timeval *timeout);
long uk_sys_epoll_create1(int flags);
long uk_sys_epoll_ctl(int epfd, int op, int fd, struct epoll_event *ev);
long uk_sys_epoll_wait(int epfd, struct epoll_event *evs, int maxevents,
		       int timeout_ms);
long uk_sys_pipe2(int fds[2], int flags);
long uk_sys_eventfd2(unsigned int initval, int flags);

#endif /* UK_FDTAB_H */
