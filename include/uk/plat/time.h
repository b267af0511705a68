/* SPDX-License-Identifier: BSD-3-Clause */
/* Platform clocks, the one-shot timer and halting until an interrupt. */
#ifndef UK_PLAT_TIME_H
#define UK_PLAT_TIME_H

#include <uk/essentials.h>

/* Nanoseconds since an arbitrary point before boot; never goes backwards. */
__nsec uk_plat_monotonic_ns(void);

/* Wall-clock nanoseconds since the Unix epoch (0 if the platform has none). */
__nsec uk_plat_wall_ns(void);

typedef void (*uk_plat_timer_handler_t)(void *arg);

/*
 * Set the function the timer interrupt calls (interrupt context, interrupts
 * disabled). One handler: the scheduler or uktime owns the timer. Calls can
 * be spurious (an expiry already pending when the timer was re-armed, or on
 * linuxu a SIGALRM sent by another process): the handler must compare the
 * time with its own deadlines rather than assume one has passed.
 */
void uk_plat_timer_set_handler(uk_plat_timer_handler_t fn, void *arg);

/*
 * Arm the one-shot timer for the absolute monotonic time @deadline_ns,
 * replacing any earlier deadline; a deadline in the past fires at once,
 * 0 disarms. Returns 0 or a negative errno.
 */
int uk_plat_timer_arm(__nsec deadline_ns);

/*
 * Sleep until an interrupt (the timer or a device) has been handled.
 * Call with interrupts disabled; they are enabled and the CPU halted in one
 * atomic step, so a wake-up between the caller's check and the halt is not
 * lost. Returns with interrupts disabled again.
 */
void uk_plat_halt_irq(void);

#endif /* UK_PLAT_TIME_H */
