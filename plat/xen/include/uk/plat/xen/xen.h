/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What only a Xen guest has, for the Xen drivers (drivers/xen): event
 * channels and the HVM parameters that name the toolstack's pages and
 * ports. Everything else of the platform is the common contract in
 * include/uk/plat/. Include only in code built for the xen platform.
 */
#ifndef UK_PLAT_XEN_XEN_H
#define UK_PLAT_XEN_XEN_H

#include <uk/essentials.h>

/*
 * An event channel handler, called with interrupts off on the boot CPU
 * each time @port is signalled (events that arrive while it runs are
 * merged into one more call).
 */
typedef void (*uk_xen_evtchn_handler_t)(unsigned int port, void *arg);

/*
 * Call @fn(@port, @arg) for events on @port, which the caller already
 * has (an interdomain binding, a port named by the toolstack), and
 * unmask it. Returns 0, -EINVAL for a port out of range or a NULL @fn,
 * -EBUSY when the port already has a handler.
 */
int uk_xen_evtchn_bind(unsigned int port, uk_xen_evtchn_handler_t fn,
		       void *arg);
/*
 * Allocate a port that domain @remote may bind to, with its handler.
 * Returns the port (>= 0) or a negative errno from Xen.
 */
int uk_xen_evtchn_alloc_unbound(uint16_t remote, uk_xen_evtchn_handler_t fn,
				void *arg);
/*
 * Bind @remote_port of domain @remote to a new local port with its
 * handler. Returns the local port (>= 0) or a negative errno.
 */
int uk_xen_evtchn_bind_interdomain(uint16_t remote, unsigned int remote_port,
				   uk_xen_evtchn_handler_t fn, void *arg);
/* Mask @port, drop its handler and close it; 0 or a negative errno. */
int uk_xen_evtchn_close(unsigned int port);
/* Signal the other end of @port; 0 or a negative errno. */
int uk_xen_evtchn_notify(unsigned int port);
void uk_xen_evtchn_mask(unsigned int port);
void uk_xen_evtchn_unmask(unsigned int port);

/*
 * Read HVM parameter @idx (HVM_PARAM_*); 0 or a negative errno. The
 * pages HVM_PARAM_CONSOLE_PFN and HVM_PARAM_STORE_PFN name are mapped
 * at their guest address (identity) by the platform.
 */
int uk_xen_hvm_param(unsigned int idx, uint64_t *value);

/*
 * Grant tables (v1), with CONFIG_XEN_GNTTAB (selected by the drivers
 * that share pages with a backend). Grant domain @domid access to the
 * guest frame @gfn (its address >> 12), read-only or not. Returns the
 * grant reference (>= 0), -ENOSPC when every reference is in use,
 * -EINVAL for a frame beyond v1's 32 bits, -ENODEV when Xen gives no
 * grant table.
 */
int uk_xen_gnttab_grant(uint16_t domid, uint64_t gfn, int readonly);
/*
 * End grant @ref and free it. -EBUSY while the other domain still has
 * the frame mapped (try again after it unmapped), -EINVAL for a
 * reference that is not granted.
 */
int uk_xen_gnttab_end(unsigned int ref);
/* References free for uk_xen_gnttab_grant() (0 before the first use). */
unsigned int uk_xen_gnttab_free(void);

/* Give the CPU to other domains (SCHEDOP_yield), e.g. while polling. */
void uk_xen_yield(void);

#endif /* UK_PLAT_XEN_XEN_H */
