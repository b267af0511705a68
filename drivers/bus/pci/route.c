/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Where an INTx pin arrives. On QEMU's -M pc the PIIX3 (or PIIX4) at
 * 00:01.0 routes the four PCI interrupt lines PIRQA-D to ISA IRQs
 * through its registers 0x60-0x63, and the IRQ is also the IOAPIC pin.
 * A device in slot s on bus 0 drives PIRQ (s - 1 + pin - 1) mod 4; a
 * device behind a bridge has its pin rotated by its slot at each bridge
 * (the standard swizzle) until bus 0. The line register the firmware
 * wrote is trusted only without a known chipset: qboot's does not always
 * match the routing.
 */
#include <uk/bus/pci.h>
#include "pci.h"

#define PIIX_PIRQ	0x60
#define PIRQ_DISABLED	0x80

static int is_piix(uint32_t id)
{
	return id == 0x70008086 || id == 0x71108086;
}

void _pci_route_intx(void)
{
	const struct uk_pci_dev *up;
	struct uk_pci_dev *d;
	uint32_t pirq_regs;
	unsigned int i, pin, slot;
	uint8_t irq;

	if (!is_piix(_pci_read32(0, 1, 0, UK_PCI_VENDOR_ID)))
		return;
	pirq_regs = _pci_read32(0, 1, 0, PIIX_PIRQ);
	for (i = 0; (d = uk_pci_get(i)); i++) {
		if (!d->irq_pin)
			continue;
		pin = d->irq_pin - 1;
		slot = d->dev;
		for (up = d->parent; up; up = up->parent) {
			pin = (pin + slot) % 4;
			slot = up->dev;
		}
		irq = pirq_regs >> (8 * ((slot + 3 + pin) % 4));
		d->irq_line = (irq & PIRQ_DISABLED) || irq >= 16 ? 0xff : irq;
		if (d->irq_line != 0xff)
			uk_pci_conf_write8(d, UK_PCI_IRQ_LINE, d->irq_line);
	}
}
