/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Address assignment for BARs the firmware left at 0. qboot, the fast
 * firmware of -M pc, assigns none (SeaBIOS assigns all, and then nothing
 * here runs). Memory BARs, 64-bit ones included, go into the i440FX's
 * PCI hole below the IOAPIC, which no RAM size reaches (QEMU ends low
 * RAM at 3 or 3.5 GiB); I/O BARs go from port 0xc000 up. Each BAR is
 * aligned to its size. Bridges get windows around what their buses
 * received (memory in 1 MiB units, I/O in 4 KiB), the prefetchable
 * window closed.
 */
#include <uk/bus/pci.h>
#include <uk/print.h>
#include "pci.h"

#define MEM_START	0xe0000000ULL
#define MEM_END		0xfec00000ULL	/* IOAPIC, HPET, LAPIC above */
#define IO_START	0xc000
#define IO_END		0x10000

#define BR_IO_BASE	0x1c
#define BR_IO_LIMIT	0x1d
#define BR_MEM_BASE	0x20
#define BR_MEM_LIMIT	0x22
#define BR_PREF_BASE	0x24
#define BR_PREF_LIMIT	0x26
#define BR_PREF_BASE_HI	0x28
#define BR_PREF_LIMIT_HI 0x2c
#define BR_IO_BASE_HI	0x30
#define BR_IO_LIMIT_HI	0x32

static struct {
	uint64_t mem;
	uint32_t io;
} next = { MEM_START, IO_START };

void _pci_assign_bar(struct uk_pci_dev *d, unsigned int i)
{
	struct uk_pci_bar *b = &d->bar[i];
	unsigned int off = UK_PCI_BAR0 + 4 * i;
	uint64_t at;

	if (b->addr || !b->size)
		return;
	if (b->flags & UK_PCI_BAR_IO) {
		at = ALIGN_UP((uint64_t)next.io, b->size);
		if (b->size > 0x4000 || at + b->size > IO_END)
			goto out_of_space;
		next.io = at + b->size;
		uk_pci_conf_write32(d, off, (uint32_t)at);
	} else {
		at = ALIGN_UP(next.mem, b->size);
		if (b->size > (1ULL << 28) || at + b->size > MEM_END)
			goto out_of_space;
		next.mem = at + b->size;
		uk_pci_conf_write32(d, off, (uint32_t)at);
		if (b->flags & UK_PCI_BAR_MEM64)
			uk_pci_conf_write32(d, off + 4, 0);
	}
	b->addr = at;
	return;

out_of_space:
	uk_pr_warn("pci: %02x:%02x.%x: no room for bar%u (size %llx)\n",
		   d->bus, d->dev, d->fn, i, (unsigned long long)b->size);
}

void _pci_bridge_open(struct uk_pci_dev *br __unused)
{
	/* The bridge's windows start on their granularity. */
	next.mem = ALIGN_UP(next.mem, 1ULL << 20);
	next.io = ALIGN_UP(next.io, 1U << 12);
}

void _pci_bridge_close(struct uk_pci_dev *br, uint64_t mem0, uint32_t io0)
{
	uint64_t mem1;
	uint32_t io1;

	/* Nothing assigned behind it: the firmware's windows stay. */
	if (next.mem == mem0 && next.io == io0)
		return;
	next.mem = mem1 = ALIGN_UP(next.mem, 1ULL << 20);
	next.io = io1 = ALIGN_UP(next.io, 1U << 12);
	if (mem1 > mem0) {
		uk_pci_conf_write16(br, BR_MEM_BASE, (mem0 >> 16) & 0xfff0);
		uk_pci_conf_write16(br, BR_MEM_LIMIT,
				    ((mem1 - 1) >> 16) & 0xfff0);
	} else {
		uk_pci_conf_write16(br, BR_MEM_BASE, 0xfff0);
		uk_pci_conf_write16(br, BR_MEM_LIMIT, 0);
	}
	if (io1 > io0) {
		uk_pci_conf_write8(br, BR_IO_BASE, (io0 >> 8) & 0xf0);
		uk_pci_conf_write8(br, BR_IO_LIMIT, ((io1 - 1) >> 8) & 0xf0);
	} else {
		uk_pci_conf_write8(br, BR_IO_BASE, 0xf0);
		uk_pci_conf_write8(br, BR_IO_LIMIT, 0);
	}
	uk_pci_conf_write16(br, BR_IO_BASE_HI, 0);
	uk_pci_conf_write16(br, BR_IO_LIMIT_HI, 0);
	uk_pci_conf_write16(br, BR_PREF_BASE, 0xfff0);
	uk_pci_conf_write16(br, BR_PREF_LIMIT, 0);
	uk_pci_conf_write32(br, BR_PREF_BASE_HI, 0);
	uk_pci_conf_write32(br, BR_PREF_LIMIT_HI, 0);
	uk_pci_enable(br);
}

void _pci_assign_cursor(uint64_t *mem, uint32_t *io)
{
	*mem = next.mem;
	*io = next.io;
}
