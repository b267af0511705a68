/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Watches: a list of the caller's watch structures, each registered with
 * xenstored under a token made of its address, so that an event finds
 * its watch without trusting the path xenstored reports. An event whose
 * token is no watch of ours (one just removed) is dropped.
 */
#include <errno.h>
#include <string.h>
#include <uk/plat/time.h>
#include <uk/plat/xen/xen.h>
#include <stdint.h>
#include <xen/io/xs_wire.h>
#include "xenstore.h"

static struct uk_xenbus_watch *watches;

static void token_of(const struct uk_xenbus_watch *w, char *tok)
{
	uintptr_t v = (uintptr_t)w;
	int i;

	tok[0] = 'k';
	for (i = 16; i >= 1; i--, v >>= 4)
		tok[i] = "0123456789abcdef"[v & 15];
	tok[17] = '\0';
}

void _xs_watch_event(const char *path __unused, const char *token)
{
	struct uk_xenbus_watch *w;
	char tok[18];

	for (w = watches; w; w = w->next) {
		token_of(w, tok);
		if (!strcmp(tok, token)) {
			w->fired++;
			return;
		}
	}
}

static int watch_op(uint32_t type, struct uk_xenbus_watch *w)
{
	struct xs_part p[2];
	const char *rsp;
	uint32_t len;
	char tok[18];

	token_of(w, tok);
	p[0].data = w->path;
	p[0].len = strlen(w->path) + 1;
	p[1].data = tok;
	p[1].len = sizeof(tok);
	return _xs_request(type, UK_XENBUS_NO_TX, p, 2, &rsp, &len);
}

int uk_xenbus_watch(struct uk_xenbus_watch *w, const char *path)
{
	struct uk_xenbus_watch *o;
	size_t len;
	int rc;

	if (!w || !path || !*path)
		return -EINVAL;
	for (o = watches; o; o = o->next)
		if (o == w)
			return -EBUSY;
	len = strlen(path);
	if (len >= sizeof(w->path))
		return -E2BIG;
	memmove(w->path, path, len + 1);
	w->fired = 0;
	/* Listed first: the first event may come with the reply. */
	w->next = watches;
	watches = w;
	rc = watch_op(XS_WATCH, w);
	if (rc < 0) {
		watches = w->next;
		return rc;
	}
	w->active = 1;
	return 0;
}

int uk_xenbus_unwatch(struct uk_xenbus_watch *w)
{
	struct uk_xenbus_watch **pp;
	int rc;

	for (pp = &watches; *pp && *pp != w; pp = &(*pp)->next)
		;
	if (!w || !*pp)
		return -EINVAL;
	rc = watch_op(XS_UNWATCH, w);
	*pp = w->next;
	w->active = 0;
	return rc;
}

int uk_xenbus_watch_wait(struct uk_xenbus_watch *w, unsigned int seen,
			 __nsec timeout_ns)
{
	__nsec deadline = uk_plat_monotonic_ns() + timeout_ns;
	int rc;

	if (!w || !w->active)
		return -EINVAL;
	while (w->fired <= seen) {
		rc = _xs_poll();
		if (rc < 0)
			return rc;
		if (w->fired > seen)
			break;
		if (timeout_ns && uk_plat_monotonic_ns() > deadline)
			return -ETIMEDOUT;
		uk_xen_yield();
	}
	return (int)w->fired;
}
