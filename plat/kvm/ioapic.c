/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The IOAPIC at its standard address (QEMU's pc and microvm both put it
 * there; paging.c maps the page uncached). ISA interrupts are edge
 * triggered, active high; ISA IRQ 0 arrives on pin 2 (the interrupt
 * source override every PC's ACPI tables declare).
 */
#include <uk/arch/cpu.h>
#include <kvm/intctrl.h>

#define IOREGSEL	0x00
#define IOWIN		0x10
#define IOAPIC_VER	0x01
#define IOREDTBL(pin)	(0x10 + 2 * (pin))
#define RED_MASKED	(1U << 16)

static unsigned int nr_pins;

static uint32_t ioapic_read(unsigned int reg)
{
	mmio_write32(KVM_IOAPIC_BASE + IOREGSEL, reg);
	return mmio_read32(KVM_IOAPIC_BASE + IOWIN);
}

static void ioapic_write(unsigned int reg, uint32_t v)
{
	mmio_write32(KVM_IOAPIC_BASE + IOREGSEL, reg);
	mmio_write32(KVM_IOAPIC_BASE + IOWIN, v);
}

void _kvm_ioapic_init(void)
{
	unsigned int pin;

	nr_pins = ((ioapic_read(IOAPIC_VER) >> 16) & 0xff) + 1;
	if (nr_pins > KVM_IOAPIC_PINS)
		nr_pins = KVM_IOAPIC_PINS;
	for (pin = 0; pin < nr_pins; pin++) {
		ioapic_write(IOREDTBL(pin) + 1, 0);
		ioapic_write(IOREDTBL(pin), RED_MASKED | (KVM_VEC_IOAPIC_BASE + pin));
	}
}

void _kvm_ioapic_route(unsigned int irq, unsigned int vector)
{
	unsigned int pin = irq == 0 ? 2 : irq;
	uint32_t apic_id = _kvm_lapic_read(LAPIC_ID) >> 24;

	if (pin >= nr_pins)
		return;
	ioapic_write(IOREDTBL(pin) + 1, apic_id << 24);
	/* Fixed delivery, physical destination, edge, active high. */
	ioapic_write(IOREDTBL(pin), vector);
}
