/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The IOAPIC at its standard address (QEMU's pc and microvm both put it
 * there; paging.c maps the page uncached). ISA interrupts are edge
 * triggered, active high; ISA IRQ 0 arrives on pin 2 (the interrupt
 * source override every PC's ACPI tables declare). PCI INTx lines are
 * level triggered, active low, and virtio-mmio lines level triggered:
 * their drivers say so through _kvm_ioapic_set_trigger(). A level
 * line's remote IRR is cleared by the local APIC's EOI (broadcast to the
 * IOAPIC), after the handlers quieted the device.
 */
#include <errno.h>
#include <uk/arch/cpu.h>
#include <kvm/intctrl.h>

#define IOREGSEL	0x00
#define IOWIN		0x10
#define IOAPIC_VER	0x01
#define IOREDTBL(pin)	(0x10 + 2 * (pin))
#define RED_MASKED	(1U << 16)
#define RED_LEVEL	(1U << 15)
#define RED_ACTIVE_LOW	(1U << 13)

static struct {
	unsigned int nr_pins;
	uint32_t mode[KVM_IOAPIC_PINS];		/* RED_LEVEL | RED_ACTIVE_LOW */
	uint32_t vector[KVM_IOAPIC_PINS];	/* 0: not routed */
} io;

/* ISA IRQ 0 arrives on pin 2; every other line n on pin n. */
static unsigned int pin_of(unsigned int irq)
{
	return irq == 0 ? 2 : irq;
}

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

/*
 * The version register: version 0x01-0x2f (82093AA: 0x11, QEMU: 0x11 or
 * 0x20) and at least the 16 ISA pins. Nothing at the address reads as
 * all zeros or all ones.
 */
static int ioapic_answers(uint32_t ver)
{
	return (ver & 0xff) >= 0x01 && (ver & 0xff) <= 0x2f &&
	       ((ver >> 16) & 0xff) >= 15 && ((ver >> 16) & 0xff) < 0xf0;
}

int _kvm_ioapic_init(void)
{
	unsigned int pin;
	uint32_t ver = ioapic_read(IOAPIC_VER);

	if (!ioapic_answers(ver))
		return -ENODEV;
	io.nr_pins = ((ver >> 16) & 0xff) + 1;
	if (io.nr_pins > KVM_IOAPIC_PINS)
		io.nr_pins = KVM_IOAPIC_PINS;
	/*
	 * Only the low half of each entry: the destination (high half) is
	 * written when the pin is routed. Every access is a VM exit on KVM,
	 * and 24 pins are most of the platform's boot-time exits.
	 */
	for (pin = 0; pin < io.nr_pins; pin++)
		ioapic_write(IOREDTBL(pin),
			     RED_MASKED | (KVM_VEC_IOAPIC_BASE + pin));
	return 0;
}

void _kvm_ioapic_route(unsigned int irq, unsigned int vector)
{
	unsigned int pin = pin_of(irq);
	uint32_t apic_id = _kvm_lapic_read(LAPIC_ID) >> 24;

	if (pin >= io.nr_pins)
		return;
	io.vector[pin] = vector;
	ioapic_write(IOREDTBL(pin) + 1, apic_id << 24);
	/* Fixed delivery, physical destination, the line's trigger mode. */
	ioapic_write(IOREDTBL(pin), vector | io.mode[pin]);
}

int _kvm_ioapic_set_trigger(unsigned int irq, int level, int active_low)
{
	unsigned int pin = pin_of(irq);

	if (pin >= io.nr_pins)
		return -EINVAL;
	io.mode[pin] = (level ? RED_LEVEL : 0) |
		       (active_low ? RED_ACTIVE_LOW : 0);
	if (io.vector[pin])
		ioapic_write(IOREDTBL(pin), io.vector[pin] | io.mode[pin]);
	return 0;
}
