/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The open-file object: what a file descriptor refers to. Regular files,
 * directories, devices, pipes, eventfds, epoll instances, the console and
 * (next) sockets are all a struct uk_file with an ops table, so read/
 * write/close/poll/epoll need no special cases.
 *
 * Lifetime: a file is created with one reference (uk_file_init()); each fd
 * slot, each in-flight call and each holder takes its own
 * (uk_file_get()/uk_file_put()); the last put calls ops->release.
 *
 * Readiness: ops->poll() returns the events that hold now (POLLIN ...).
 * When they may have changed, the file's owner calls uk_file_notify()
 * (thread context; from an interrupt, through uk_sched_defer()), which
 * calls every poll entry whose interest matches: poll(), select(),
 * epoll and blocking calls all wait through such entries, so a waiter
 * sleeps in uksched and wakes exactly when its file signals.
 *
 * Thread context only; a cooperative scheduler means no locks beyond the
 * per-file position lock (taken around calls that may block).
 */
#ifndef UK_FILE_H
#define UK_FILE_H

#include <sys/types.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <uk/essentials.h>
#include <uk/lock.h>

struct uk_file;
struct uk_poll_entry;

/*
 * Every operation is optional unless said otherwise; a missing one makes
 * the call fail as Linux does for a file that cannot do it (EINVAL for
 * read/write, ESPIPE for seek, ENOTTY for ioctl). Results are 0 (or a
 * count) or a negative errno.
 */
struct uk_file_ops {
	/*
	 * Transfer @iovcnt buffers at *@off (seekable files; the op advances
	 * *@off by what it moved, and for an O_APPEND write first sets it
	 * to the end) or at the stream's own position (UK_FILE_STREAM files
	 * ignore @off). @flags are the open flags of this call (O_NONBLOCK
	 * says not to wait). Returns the bytes moved, 0 at end of file, or
	 * -errno (-EAGAIN when it would block and O_NONBLOCK is set).
	 */
	ssize_t (*read)(struct uk_file *f, const struct iovec *iov,
			int iovcnt, off_t *off, int flags);
	ssize_t (*write)(struct uk_file *f, const struct iovec *iov,
			 int iovcnt, off_t *off, int flags);
	/*
	 * The new position for lseek(@off, @whence) given the current one
	 * @pos (the caller stores it); for SEEK_END and SEEK_DATA/HOLE.
	 */
	off_t (*seek)(struct uk_file *f, off_t pos, off_t off, int whence);
	int (*ioctl)(struct uk_file *f, unsigned long req, void *arg);
	int (*fstat)(struct uk_file *f, struct stat *st);
	/* The events that hold now (POLLIN, POLLOUT, POLLHUP ...). */
	unsigned int (*poll)(struct uk_file *f);
	/*
	 * F_SETFL changed O_NONBLOCK/O_APPEND/O_ASYNC to @flags: veto with
	 * -errno or accept with 0.
	 */
	int (*setfl)(struct uk_file *f, int flags);
	/*
	 * A poll entry was added: a file whose state changes without an
	 * interrupt (an input it must look at) starts watching for it.
	 */
	void (*watch)(struct uk_file *f);
	/* The last reference went: free what the file owns (required). */
	void (*release)(struct uk_file *f);
};

/* f->kind_flags */
#define UK_FILE_STREAM	0x1	/* no position: pread/lseek give ESPIPE */

struct uk_file {
	const struct uk_file_ops *ops;
	void *priv;		/* the owner's data */
	unsigned int kind_flags;
	int flags;		/* O_ACCMODE | O_NONBLOCK | O_APPEND ... */
	long refcount;
	off_t pos;		/* seekable files, under pos_lock */
	struct uk_mutex pos_lock;
	/* Poll entries waiting on this file (uk_file_notify() walks them). */
	struct uk_poll_entry *pollers;
};

/*
 * A waiter's registration on a file; it lives in the waiter's memory
 * (often its stack) and must be removed before that memory goes.
 * @fn runs in thread context (inside uk_file_notify()) with the events
 * that were signalled and match @events; it must not block.
 * @detach, if set, runs when the file is released with the entry still
 * in place (epoll drops its registration then); after it the entry is no
 * longer linked.
 */
struct uk_poll_entry {
	struct uk_poll_entry *next, *prev;
	struct uk_file *file;
	unsigned int events;
	void (*fn)(struct uk_poll_entry *e, unsigned int events);
	void (*detach)(struct uk_poll_entry *e);
};

/*
 * Prepare @f with @ops, @priv, open @flags and one reference. @kind_flags
 * is 0 or UK_FILE_STREAM.
 */
void uk_file_init(struct uk_file *f, const struct uk_file_ops *ops,
		  void *priv, int flags, unsigned int kind_flags);

static inline struct uk_file *uk_file_get(struct uk_file *f)
{
	f->refcount++;
	return f;
}

/* Drop a reference; the last one releases @f (which may free it). */
void uk_file_put(struct uk_file *f);

/* Link/unlink @e (fields events, fn, detach set) on @f. */
void uk_file_poll_add(struct uk_file *f, struct uk_poll_entry *e);
void uk_file_poll_del(struct uk_poll_entry *e);

/*
 * The file's state may have changed in the ways @events say (POLLIN: data
 * or end of file to read, POLLOUT: room to write, POLLHUP/POLLERR): call
 * the matching poll entries. POLLHUP and POLLERR reach every entry, as
 * poll() reports them unasked. Thread context.
 */
void uk_file_notify(struct uk_file *f, unsigned int events);

/* Current readiness: ops->poll, or readable and writable when absent. */
unsigned int uk_file_poll(struct uk_file *f);

/*
 * Wait until uk_file_poll(@f) has one of @events, or until @deadline
 * (0: none). @return the events that hold (non-zero) or -ETIMEDOUT.
 * The building block of blocking reads and writes.
 */
int uk_file_wait(struct uk_file *f, unsigned int events, __nsec deadline);

#endif /* UK_FILE_H */
