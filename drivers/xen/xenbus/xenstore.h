/* SPDX-License-Identifier: BSD-3-Clause */
/* The xenstore transport (xenstore.c) and the watch table (watch.c). */
#ifndef XENBUS_XENSTORE_H
#define XENBUS_XENSTORE_H

#include <uk/essentials.h>
#include <uk/xenbus.h>

struct xs_part {
	const void *data;
	size_t len;
};

/*
 * Send a request of @type (XS_*) made of the @n parts concatenated and
 * wait for its reply. On success *@rsp points to the reply's payload
 * (NUL-terminated, valid until the next request) and *@len is its
 * length. Returns 0, the negative errno of an XS_ERROR reply, -E2BIG for
 * a request longer than the protocol allows, -ETIMEDOUT, or -EIO once
 * the connection broke the protocol.
 */
int _xs_request(uint32_t type, uk_xenbus_tx_t tx, const struct xs_part *parts,
		unsigned int n, const char **rsp, uint32_t *len);
/*
 * Take what the ring holds (watch events, late replies) without
 * sending anything; 0 or -EIO.
 */
int _xs_poll(void);
/* A watch event for @path with @token, from the transport. */
void _xs_watch_event(const char *path, const char *token);

#endif /* XENBUS_XENSTORE_H */
