/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The xenstore transport: a page shared with xenstored (HVM_PARAM_STORE_
 * PFN) with a request ring and a response ring of 1 KiB each, and an
 * event channel (HVM_PARAM_STORE_EVTCHN) to signal new bytes. A message
 * is a 16-byte header and up to 4 KiB of payload, so it may take several
 * rounds through a ring: both directions are streamed.
 *
 * Nothing from the page is trusted: a producer index more than a ring
 * ahead of ours, a payload longer than the protocol allows or a reply
 * of the wrong shape marks the connection broken, and every later call
 * fails with -EIO instead of reading out of bounds. A reply whose
 * request id is not the one awaited (the late answer of a request that
 * timed out) is dropped.
 *
 * Waiting polls the rings and yields the CPU to other domains (xenstored
 * runs in one of them); the library takes the rings only from its
 * callers, so no event handler is needed.
 */
#include <errno.h>
#include <string.h>
#include <uk/init.h>
#include <uk/plat/time.h>
#include <uk/plat/xen/xen.h>
#include <xen/hvm/params.h>
#include <stdint.h>
#include <xen/io/xs_wire.h>
#include "xenstore.h"

#define HDR		sizeof(struct xsd_sockmsg)
#define REQUEST_NS	(30 * UK_NSEC_PER_SEC)

static struct {
	struct xenstore_domain_interface *ring;
	unsigned int port;
	uint32_t req_id;
	int err;		/* -EIO once broken, -ENODEV without store */
	/* The message being read. */
	struct xsd_sockmsg hdr;
	uint32_t have;		/* bytes of header and payload so far */
	char body[XENSTORE_PAYLOAD_MAX + 1];
	/* The reply awaited. */
	uint32_t awaited;
	int replied;
	uint32_t reply_type, reply_len;
	char reply[XENSTORE_PAYLOAD_MAX + 1];
} xs = { .err = -ENODEV };

static int broken(void)
{
	xs.err = -EIO;
	return -EIO;
}

/* An XS_ERROR payload ("ENOENT") as a negative errno. */
static int error_of(const char *s)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(xsd_errors); i++)
		if (!strcmp(s, xsd_errors[i].errstring))
			return -xsd_errors[i].errnum;
	return -EIO;
}

/* A complete message is in xs.hdr and xs.body. */
static int dispatch(void)
{
	const char *path, *token;
	uint32_t len = xs.hdr.len;

	xs.body[len] = '\0';
	if (xs.hdr.type == XS_WATCH_EVENT) {
		/* "path\0token\0": both present and terminated. */
		path = xs.body;
		token = memchr(path, '\0', len);
		if (!token || token + 1 >= xs.body + len ||
		    !memchr(token + 1, '\0', xs.body + len - (token + 1)))
			return broken();
		_xs_watch_event(path, token + 1);
		return 0;
	}
	if (xs.replied || xs.hdr.req_id != xs.awaited)
		return 0;	/* a late reply: nobody waits for it */
	memcpy(xs.reply, xs.body, len + 1);
	xs.reply_type = xs.hdr.type;
	xs.reply_len = len;
	xs.replied = 1;
	return 0;
}

int _xs_poll(void)
{
	struct xenstore_domain_interface *r = xs.ring;
	XENSTORE_RING_IDX cons, prod;
	uint32_t want, n, i;
	char *dst;
	int taken = 0;

	if (xs.err)
		return xs.err;
	for (;;) {
		cons = r->rsp_cons;
		prod = __atomic_load_n(&r->rsp_prod, __ATOMIC_ACQUIRE);
		if (prod - cons > XENSTORE_RING_SIZE)
			return broken();
		if (prod == cons)
			break;
		if (xs.have < HDR) {
			want = HDR - xs.have;
			dst = (char *)&xs.hdr + xs.have;
		} else {
			want = HDR + xs.hdr.len - xs.have;
			dst = xs.body + (xs.have - HDR);
		}
		n = MIN(want, prod - cons);
		for (i = 0; i < n; i++)
			dst[i] = r->rsp[MASK_XENSTORE_IDX(cons + i)];
		__atomic_store_n(&r->rsp_cons, cons + n, __ATOMIC_RELEASE);
		xs.have += n;
		taken = 1;
		if (xs.have == HDR && xs.hdr.len > XENSTORE_PAYLOAD_MAX)
			return broken();
		if (xs.have >= HDR && xs.have == HDR + xs.hdr.len) {
			xs.have = 0;
			if (dispatch() < 0)
				return xs.err;
		}
	}
	if (taken)
		uk_xen_evtchn_notify(xs.port);
	return 0;
}

/* Copy @len bytes of @data into the request ring, waiting for room. */
static int put(const char *data, size_t len, __nsec deadline)
{
	struct xenstore_domain_interface *r = xs.ring;
	XENSTORE_RING_IDX cons, prod;
	size_t done = 0;
	uint32_t room, i;
	int rc;

	while (done < len) {
		cons = __atomic_load_n(&r->req_cons, __ATOMIC_ACQUIRE);
		prod = r->req_prod;
		if (prod - cons > XENSTORE_RING_SIZE)
			return broken();
		room = XENSTORE_RING_SIZE - (prod - cons);
		if (!room) {
			uk_xen_evtchn_notify(xs.port);
			rc = _xs_poll();
			if (rc < 0)
				return rc;
			if (uk_plat_monotonic_ns() > deadline)
				return -ETIMEDOUT;
			uk_xen_yield();
			continue;
		}
		room = MIN(room, len - done);
		for (i = 0; i < room; i++)
			r->req[MASK_XENSTORE_IDX(prod + i)] = data[done + i];
		__atomic_store_n(&r->req_prod, prod + room, __ATOMIC_RELEASE);
		done += room;
	}
	return 0;
}

int _xs_request(uint32_t type, uk_xenbus_tx_t tx, const struct xs_part *parts,
		unsigned int n, const char **rsp, uint32_t *len)
{
	struct xsd_sockmsg hdr = { .type = type, .tx_id = tx };
	__nsec deadline = uk_plat_monotonic_ns() + REQUEST_NS;
	size_t total = 0;
	unsigned int i;
	int rc;

	if (xs.err)
		return xs.err;
	for (i = 0; i < n; i++)
		total += parts[i].len;
	if (total > XENSTORE_PAYLOAD_MAX)
		return -E2BIG;
	hdr.len = (uint32_t)total;
	hdr.req_id = ++xs.req_id;
	xs.awaited = hdr.req_id;
	xs.replied = 0;

	rc = put((const char *)&hdr, HDR, deadline);
	for (i = 0; rc == 0 && i < n; i++)
		rc = put(parts[i].data, parts[i].len, deadline);
	if (rc < 0)
		return rc;	/* a half-sent request: the ring is broken */
	uk_xen_evtchn_notify(xs.port);

	while (!xs.replied) {
		rc = _xs_poll();
		if (rc < 0)
			return rc;
		if (xs.replied)
			break;
		if (uk_plat_monotonic_ns() > deadline)
			return -ETIMEDOUT;
		uk_xen_yield();
	}
	if (xs.reply_type == XS_ERROR)
		return error_of(xs.reply);
	if (xs.reply_type != type)
		return broken();
	*rsp = xs.reply;
	*len = xs.reply_len;
	return 0;
}

static int xenstore_init(void)
{
	uint64_t pfn, port;

	if (uk_xen_hvm_param(HVM_PARAM_STORE_PFN, &pfn) < 0 || !pfn ||
	    uk_xen_hvm_param(HVM_PARAM_STORE_EVTCHN, &port) < 0 ||
	    port > 0xffffffffULL)
		return 0;	/* no xenstore: every call says -ENODEV */
	xs.ring = (struct xenstore_domain_interface *)(uintptr_t)(pfn << 12);
	xs.port = (unsigned int)port;
	xs.have = 0;
	xs.err = 0;
	return 0;
}

uk_plat_initcall(xenstore_init, NULL);
