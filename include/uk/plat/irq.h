/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupt control. On a kernel platform these are CPU interrupts; on
 * linuxu they are signals, blocked and unblocked with the signal mask.
 */
#ifndef UK_PLAT_IRQ_H
#define UK_PLAT_IRQ_H

#include <uk/essentials.h>

void uk_plat_irq_enable(void);
void uk_plat_irq_disable(void);
int uk_plat_irq_enabled(void);

/* Disable interrupts and return the previous state for _restore(). */
unsigned long uk_plat_irq_save(void);
void uk_plat_irq_restore(unsigned long flags);

/* A device interrupt handler; returns 1 if it handled the interrupt. */
typedef int (*uk_irq_handler_t)(void *arg);

/*
 * Attach @fn to interrupt line @irq (shared lines call every handler).
 * Returns 0, -EINVAL for a line the platform does not have, or -ENOMEM.
 */
int uk_plat_irq_register(unsigned int irq, uk_irq_handler_t fn, void *arg);

#endif /* UK_PLAT_IRQ_H */
