/* SPDX-License-Identifier: BSD-3-Clause */
/* The PV console (console.c). */
#ifndef XEN_CONSOLE_H
#define XEN_CONSOLE_H

#include <uk/essentials.h>

/*
 * Find the console ring and its port (HVM_PARAM_CONSOLE_PFN/EVTCHN) and
 * map the ring early; 0 or a negative errno (then output goes to the
 * console_io hypercall, which only a debug Xen prints).
 */
int _xen_console_init(void);
/* The ring's page (its guest address) for the page tables; 0: none. */
uint64_t _xen_console_page(void);
/* Wait (bounded) until the backend has taken every byte written. */
void _xen_console_flush(void);

#endif /* XEN_CONSOLE_H */
