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

/* How a line signals (uk_plat_irq_set_trigger). */
enum uk_irq_trigger {
	UK_IRQ_TRIGGER_EDGE_HIGH = 0,	/* ISA devices: the default */
	UK_IRQ_TRIGGER_LEVEL_LOW,	/* PCI INTx */
	UK_IRQ_TRIGGER_LEVEL_HIGH,	/* virtio-mmio windows (microvm) */
};

/*
 * Set the trigger mode of line @irq, before or after handlers are
 * attached. A level-triggered line is acknowledged at the controller
 * after the handlers ran, so a handler must quiet its device (read or
 * write its interrupt status) or the interrupt comes again at once.
 * Returns 0, -EINVAL for a line the platform does not have, or -ENOTSUP
 * (platforms without interrupt controllers: linuxu).
 */
int uk_plat_irq_set_trigger(unsigned int irq, enum uk_irq_trigger trig);

/* What a device writes, and where, to raise a message-signalled irq. */
struct uk_irq_msi {
	uint64_t addr;
	uint32_t data;
};

/*
 * Allocate a message-signalled interrupt (MSI / MSI-X) that calls
 * @fn(@arg) on the boot CPU, and fill @msg with the message the device
 * must send for it (edge, fixed delivery). There is no free: vectors are
 * few and drivers keep theirs for the image's life. Returns a vector
 * number (>= 0), -EINVAL for a NULL @fn or @msg, -ENOSPC when no vector
 * is left, -ENOTSUP where devices cannot send messages (linuxu, a kvm
 * guest whose CPU has no local APIC).
 */
int uk_plat_irq_alloc_msi(uk_irq_handler_t fn, void *arg,
			  struct uk_irq_msi *msg);

/*
 * 1 if uk_plat_irq_alloc_msi() can succeed at all, so that a bus enables
 * message-signalled interrupts on a device only where they can arrive,
 * and falls back to its interrupt line otherwise.
 */
int uk_plat_irq_msi_supported(void);

#endif /* UK_PLAT_IRQ_H */
