/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Configuration space through configuration mechanism #1: the address of
 * a dword goes to port 0xcf8, the dword is read or written at 0xcfc. The
 * pair is not atomic, so each access runs with interrupts off (a driver's
 * interrupt handler may touch configuration space too).
 */
#include <uk/arch/cpu.h>
#include <uk/bus/pci.h>
#include "pci.h"

#define CONF_ADDR	0xcf8
#define CONF_DATA	0xcfc
#define CONF_ENABLE	0x80000000U
#define MAX_CAPS	48

static void select(uint8_t bus, uint8_t dev, uint8_t fn, unsigned int off)
{
	outl(CONF_ADDR, CONF_ENABLE | (uint32_t)bus << 16 |
			(uint32_t)(dev & 31) << 11 | (uint32_t)(fn & 7) << 8 |
			(off & 0xfc));
}

uint32_t _pci_read32(uint8_t bus, uint8_t dev, uint8_t fn, unsigned int off)
{
	unsigned long flags = uk_plat_irq_save();
	uint32_t v;

	select(bus, dev, fn, off);
	v = inl(CONF_DATA);
	uk_plat_irq_restore(flags);
	return v;
}

void _pci_write32(uint8_t bus, uint8_t dev, uint8_t fn, unsigned int off,
		  uint32_t v)
{
	unsigned long flags = uk_plat_irq_save();

	select(bus, dev, fn, off);
	outl(CONF_DATA, v);
	uk_plat_irq_restore(flags);
}

int _pci_mechanism_present(void)
{
	unsigned long flags = uk_plat_irq_save();
	uint32_t saved = inl(CONF_ADDR), v;

	/* The address register keeps what is written; nothing else does. */
	outl(CONF_ADDR, CONF_ENABLE);
	v = inl(CONF_ADDR);
	outl(CONF_ADDR, saved);
	uk_plat_irq_restore(flags);
	return v == CONF_ENABLE;
}

uint32_t uk_pci_conf_read32(const struct uk_pci_dev *d, unsigned int off)
{
	return _pci_read32(d->bus, d->dev, d->fn, off);
}

uint16_t uk_pci_conf_read16(const struct uk_pci_dev *d, unsigned int off)
{
	return uk_pci_conf_read32(d, off) >> ((off & 2) * 8);
}

uint8_t uk_pci_conf_read8(const struct uk_pci_dev *d, unsigned int off)
{
	return uk_pci_conf_read32(d, off) >> ((off & 3) * 8);
}

void uk_pci_conf_write32(const struct uk_pci_dev *d, unsigned int off,
			 uint32_t v)
{
	_pci_write32(d->bus, d->dev, d->fn, off, v);
}

/*
 * Narrow writes go through the data port at the byte's offset, which
 * writes only those bytes: a read-modify-write of the dword would write
 * back status bits that clear when written with 1.
 */
void uk_pci_conf_write16(const struct uk_pci_dev *d, unsigned int off,
			 uint16_t v)
{
	unsigned long flags = uk_plat_irq_save();

	select(d->bus, d->dev, d->fn, off);
	outw(CONF_DATA + (off & 2), v);
	uk_plat_irq_restore(flags);
}

void uk_pci_conf_write8(const struct uk_pci_dev *d, unsigned int off,
			uint8_t v)
{
	unsigned long flags = uk_plat_irq_save();

	select(d->bus, d->dev, d->fn, off);
	outb(CONF_DATA + (off & 3), v);
	uk_plat_irq_restore(flags);
}

unsigned int uk_pci_cap_next(const struct uk_pci_dev *d, uint8_t id,
			     unsigned int after)
{
	unsigned int off, n;
	uint16_t hdr;

	if (!(uk_pci_conf_read16(d, UK_PCI_STATUS) & UK_PCI_STATUS_CAPS))
		return 0;
	off = after ? uk_pci_conf_read8(d, after + 1) :
		      uk_pci_conf_read8(d, UK_PCI_CAP_PTR);
	for (n = 0; n < MAX_CAPS; n++) {
		off &= 0xfc;
		/* Capabilities live after the 64-byte header. */
		if (off < 0x40)
			return 0;
		hdr = uk_pci_conf_read16(d, off);
		if ((hdr & 0xff) == id)
			return off;
		off = hdr >> 8;
	}
	return 0;
}

void uk_pci_enable(struct uk_pci_dev *d)
{
	uint16_t cmd = uk_pci_conf_read16(d, UK_PCI_COMMAND);

	uk_pci_conf_write16(d, UK_PCI_COMMAND, cmd | UK_PCI_CMD_IO |
			    UK_PCI_CMD_MEM | UK_PCI_CMD_MASTER);
}
