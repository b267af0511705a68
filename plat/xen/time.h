/* SPDX-License-Identifier: BSD-3-Clause */
/* Time and the one-shot timer (time.c). */
#ifndef XEN_TIME_H
#define XEN_TIME_H

#include <uk/essentials.h>
#include <uk/plat/time.h>

/* Xen's system time (ns since the domain started) at TSC value @tsc. */
__nsec _xen_tsc_to_ns(uint64_t tsc);
/* Bind the timer VIRQ, stop the periodic timer; 0 or a negative errno. */
int _xen_timer_init(void);

#endif /* XEN_TIME_H */
