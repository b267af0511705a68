/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The xenstore client of a Xen guest, and the state machine of PV
 * devices. Paths without a leading '/' are relative to the guest's home,
 * /local/domain/<domid>/. Calls are synchronous: they send a request on
 * the xenstore ring and poll for the answer, yielding the CPU to other
 * domains meanwhile; one caller at a time, never from an event handler.
 * Every answer is checked (lengths, ring indexes, the reply to the
 * request sent); a violation makes this and every later call fail with
 * -EIO. Errors are negative errno values, xenstored's own (ENOENT,
 * EACCES, EAGAIN, ...) passed on.
 */
#ifndef UK_XENBUS_H
#define UK_XENBUS_H

#include <uk/essentials.h>
#include <uk/plat/time.h>

/* A transaction (uk_xenbus_transaction_start()), or 0: none. */
typedef uint32_t uk_xenbus_tx_t;
#define UK_XENBUS_NO_TX	0

/*
 * Read @path into @buf (@size bytes, NUL-terminated). Returns the
 * value's length, -ERANGE when it does not fit (and @buf is empty),
 * -ENOENT for a missing node, or another negative errno.
 */
int uk_xenbus_read(uk_xenbus_tx_t tx, const char *path, char *buf,
		   size_t size);
/*
 * Read @path as an unsigned decimal number (digits only, at most
 * @max); -EINVAL for anything else, or the errors of uk_xenbus_read().
 */
int uk_xenbus_read_uint(uk_xenbus_tx_t tx, const char *path,
			unsigned long long max, unsigned long long *value);
/* Write @value to @path (creating it and its parents); 0 or -errno. */
int uk_xenbus_write(uk_xenbus_tx_t tx, const char *path, const char *value);
/* Remove @path and what lies under it; 0 or -errno. */
int uk_xenbus_rm(uk_xenbus_tx_t tx, const char *path);
/*
 * The children of @path, as NUL-terminated names one after the other
 * in @buf (@size bytes). Returns their number, -ERANGE when they do not
 * fit, or another negative errno.
 */
int uk_xenbus_directory(uk_xenbus_tx_t tx, const char *path, char *buf,
			size_t size);

/* Start a transaction; 0 or -errno. */
int uk_xenbus_transaction_start(uk_xenbus_tx_t *tx);
/*
 * Commit (@abort 0) or abort a transaction. -EAGAIN: another writer
 * interfered and nothing was committed; start again.
 */
int uk_xenbus_transaction_end(uk_xenbus_tx_t tx, int abort);

/*
 * A watch on a path and everything under it. xenstored fires a new watch
 * once at once, then at each change; @fired counts the events seen
 * (events arrive while any xenbus call or uk_xenbus_watch_wait() runs).
 */
struct uk_xenbus_watch {
	char path[128];
	unsigned int fired;
	int active;
	struct uk_xenbus_watch *next;
};
/* Register @w on @path (at most 127 bytes); 0, -E2BIG, -EBUSY or -errno. */
int uk_xenbus_watch(struct uk_xenbus_watch *w, const char *path);
int uk_xenbus_unwatch(struct uk_xenbus_watch *w);
/*
 * Wait until @w has fired more than @seen times, at most @timeout_ns
 * (0: no limit); returns the new count or -ETIMEDOUT.
 */
int uk_xenbus_watch_wait(struct uk_xenbus_watch *w, unsigned int seen,
			 __nsec timeout_ns);

/* The states of a PV device's frontend and backend (xen/io/xenbus.h). */
enum uk_xenbus_state {
	UK_XENBUS_UNKNOWN = 0,
	UK_XENBUS_INITIALISING = 1,
	UK_XENBUS_INIT_WAIT = 2,
	UK_XENBUS_INITIALISED = 3,
	UK_XENBUS_CONNECTED = 4,
	UK_XENBUS_CLOSING = 5,
	UK_XENBUS_CLOSED = 6,
	UK_XENBUS_RECONFIGURING = 7,
	UK_XENBUS_RECONFIGURED = 8,
};
/* Read @dir/state; -EINVAL for a value that is not a state. */
int uk_xenbus_read_state(const char *dir, enum uk_xenbus_state *state);
/* Write @dir/state; 0 or -errno. */
int uk_xenbus_switch_state(uk_xenbus_tx_t tx, const char *dir,
			   enum uk_xenbus_state state);
/*
 * Wait until @dir/state is @want, at most @timeout_ns; returns 0,
 * -ETIMEDOUT, or -ENOTCONN when the other end went to Closing/Closed
 * instead (unless that is what was awaited).
 */
int uk_xenbus_wait_state(const char *dir, enum uk_xenbus_state want,
			 __nsec timeout_ns);

#endif /* UK_XENBUS_H */
