/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared info, event channels and the upcall (events.c). */
#ifndef XEN_EVENTS_H
#define XEN_EVENTS_H

#include <uk/essentials.h>
#include <xen/xen.h>

/* The shared info page: a page of the image's .bss, which Xen replaces. */
union xen_shared_page {
	struct shared_info si;
	char page[4096];
};
extern union xen_shared_page _xen_shared;
#define XEN_SHARED_INFO (&_xen_shared.si)

/* The vector Xen raises for pending events (HVM_PARAM_CALLBACK_IRQ). */
#define XEN_VEC_UPCALL	0xf3

/*
 * Map the shared info page over its .bss page; 0 or a negative errno.
 * Runs before the time and the console need it.
 */
int _xen_shared_info_init(void);
/* Every port masked, the upcall vector installed; 0 or a negative errno. */
int _xen_events_init(void);
/* Bind VIRQ @virq of the boot CPU to a new port with its handler. */
int _xen_evtchn_bind_virq(unsigned int virq,
			  void (*fn)(unsigned int port, void *arg), void *arg);

#endif /* XEN_EVENTS_H */
