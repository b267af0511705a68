/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Enumeration: bus 0 (and the other host bridges' buses, when the host
 * bridge is multi-function), then the secondary bus behind every
 * PCI-PCI bridge, each bus once. An empty slot costs one configuration
 * read, so a machine with a handful of devices is scanned with about a
 * hundred port accesses, which TCG runs in well under a millisecond.
 * BAR sizes are read with the write-ones method while the device's
 * decoding is off, so that no half-written BAR ever decodes.
 * Every function found is kept: the first BLOCK_DEVICES in a static
 * block, more in blocks taken from the default allocator as needed
 * (blocks, not one growing array: a device's parent pointer must stay
 * valid). Only an allocation failure drops functions, and says so.
 */
#include <uk/alloc.h>
#include <uk/bus/pci.h>
#include <uk/print.h>
#include "pci.h"

#define BLOCK_DEVICES	32
#define HDR_MULTIFN	0x80
#define HDR_TYPE_DEV	0
#define HDR_TYPE_BRIDGE	1
#define BRIDGE_SECONDARY 0x19
#define CLASS_BRIDGE_PCI 0x0604

struct dev_block {
	struct dev_block *next;
	struct uk_pci_dev devs[BLOCK_DEVICES];
};

static struct {
	unsigned int nr;
	struct dev_block first;
	struct dev_block *last;		/* where device nr - 1 is */
	uint32_t seen[256 / 32];	/* buses scanned */
	unsigned int dropped;
} scan;

unsigned int uk_pci_count(void)
{
	return scan.nr;
}

struct uk_pci_dev *uk_pci_get(unsigned int i)
{
	struct dev_block *b = &scan.first;

	if (i >= scan.nr)
		return NULL;
	for (; i >= BLOCK_DEVICES; i -= BLOCK_DEVICES)
		b = b->next;
	return &b->devs[i];
}

/* The slot of the next device, in a new block when the last is full. */
static struct uk_pci_dev *next_slot(void)
{
	struct uk_alloc *a;
	struct dev_block *b;

	if (!scan.last)
		scan.last = &scan.first;
	if (scan.nr && scan.nr % BLOCK_DEVICES == 0) {
		a = uk_alloc_get_default();
		b = a ? uk_calloc(a, 1, sizeof(*b)) : NULL;
		if (!b)
			return NULL;
		scan.last->next = b;
		scan.last = b;
	}
	return &scan.last->devs[scan.nr % BLOCK_DEVICES];
}

/* BAR @i of @d from its raw value @lo (and @hi for a 64-bit one). */
static unsigned int size_bar(struct uk_pci_dev *d, unsigned int i)
{
	unsigned int off = UK_PCI_BAR0 + 4 * i;
	uint32_t lo = uk_pci_conf_read32(d, off), slo, hi = 0, shi = ~0U;
	struct uk_pci_bar *b = &d->bar[i];
	uint64_t mask;

	uk_pci_conf_write32(d, off, ~0U);
	slo = uk_pci_conf_read32(d, off);
	uk_pci_conf_write32(d, off, lo);
	if (lo & 1) {
		b->flags = UK_PCI_BAR_IO;
		mask = (slo & ~3U) | 0xffff0000U;
		b->addr = lo & ~3U;
		b->size = (uint32_t)(~mask + 1);
		if (!(slo & ~3U))
			b->size = 0;
		return 1;
	}
	if (((lo >> 1) & 3) == 2 && i + 1 < UK_PCI_NR_BARS) {
		hi = uk_pci_conf_read32(d, off + 4);
		uk_pci_conf_write32(d, off + 4, ~0U);
		shi = uk_pci_conf_read32(d, off + 4);
		uk_pci_conf_write32(d, off + 4, hi);
		b->flags = UK_PCI_BAR_MEM64;
	}
	if (lo & 8)
		b->flags |= UK_PCI_BAR_PREFETCH;
	mask = ((uint64_t)shi << 32) | (slo & ~0xfU);
	b->addr = ((uint64_t)hi << 32) | (lo & ~0xfU);
	b->size = (slo & ~0xfU) || shi != ~0U ? ~mask + 1 : 0;
	if (!b->size)
		b->addr = 0;
	return (b->flags & UK_PCI_BAR_MEM64) ? 2 : 1;
}

static void read_bars(struct uk_pci_dev *d)
{
	unsigned int i, nbars;
	uint16_t cmd;

	nbars = d->header_type == HDR_TYPE_DEV ? 6 :
		d->header_type == HDR_TYPE_BRIDGE ? 2 : 0;
	if (!nbars)
		return;
	cmd = uk_pci_conf_read16(d, UK_PCI_COMMAND);
	uk_pci_conf_write16(d, UK_PCI_COMMAND,
			    cmd & ~(UK_PCI_CMD_IO | UK_PCI_CMD_MEM));
	for (i = 0; i < nbars; i += size_bar(d, i))
		;
	for (i = 0; i < nbars; i++)
		_pci_assign_bar(d, i);
	uk_pci_conf_write16(d, UK_PCI_COMMAND, cmd);
}

static void scan_bus(uint8_t bus, struct uk_pci_dev *parent);

static void scan_bridge(struct uk_pci_dev *br)
{
	uint8_t sec = uk_pci_conf_read8(br, BRIDGE_SECONDARY);
	uint64_t mem0;
	uint32_t io0;

	/* Unnumbered (bus 0) or already seen: a loop, not a bus. */
	if (!sec || (scan.seen[sec / 32] & (1U << (sec % 32))))
		return;
	_pci_bridge_open(br);
	_pci_assign_cursor(&mem0, &io0);
	scan_bus(sec, br);
	_pci_bridge_close(br, mem0, io0);
}

static void add_function(uint8_t bus, uint8_t dev, uint8_t fn, uint32_t id,
			 struct uk_pci_dev *parent)
{
	struct uk_pci_dev *d;
	uint32_t v;

	d = next_slot();
	if (!d) {
		scan.dropped++;
		return;
	}
	*d = (struct uk_pci_dev){ .bus = bus, .dev = dev, .fn = fn,
				  .parent = parent };
	d->vendor_id = id & 0xffff;
	d->device_id = id >> 16;
	v = uk_pci_conf_read32(d, UK_PCI_REVISION);
	d->revision = v & 0xff;
	d->class_code = v >> 8;
	d->header_type = uk_pci_conf_read8(d, UK_PCI_HEADER_TYPE) & 0x7f;
	if (d->header_type == HDR_TYPE_DEV) {
		v = uk_pci_conf_read32(d, UK_PCI_SUBSYS_VENDOR);
		d->subsys_vendor_id = v & 0xffff;
		d->subsys_id = v >> 16;
	}
	/*
	 * INTx off until a driver registers a handler for it
	 * (uk_pci_intx_register): a function nobody drives must not raise
	 * a level-triggered line that another device's handler shares and
	 * nobody acknowledges.
	 */
	uk_pci_conf_write16(d, UK_PCI_COMMAND,
			    uk_pci_conf_read16(d, UK_PCI_COMMAND) |
			    UK_PCI_CMD_INTX_OFF);
	v = uk_pci_conf_read16(d, UK_PCI_IRQ_LINE);
	d->irq_pin = v >> 8;
	d->irq_line = (v & 0xff) ? (v & 0xff) : 0xff;
	if (d->irq_pin == 0 || d->irq_pin > 4)
		d->irq_pin = 0, d->irq_line = 0xff;
	read_bars(d);
	scan.nr++;
	if (d->header_type == HDR_TYPE_BRIDGE &&
	    (d->class_code >> 8) == CLASS_BRIDGE_PCI)
		scan_bridge(d);
}

static void scan_bus(uint8_t bus, struct uk_pci_dev *parent)
{
	uint32_t id;
	uint8_t dev, fn, nfn;

	if (scan.seen[bus / 32] & (1U << (bus % 32)))
		return;
	scan.seen[bus / 32] |= 1U << (bus % 32);
	for (dev = 0; dev < 32; dev++) {
		id = _pci_read32(bus, dev, 0, UK_PCI_VENDOR_ID);
		if ((id & 0xffff) == 0xffff)
			continue;
		nfn = (_pci_read32(bus, dev, 0, 0xc) >> 16) & HDR_MULTIFN ?
		      8 : 1;
		for (fn = 0; fn < nfn; fn++) {
			if (fn)
				id = _pci_read32(bus, dev, fn,
						 UK_PCI_VENDOR_ID);
			if ((id & 0xffff) != 0xffff)
				add_function(bus, dev, fn, id, parent);
		}
	}
}

static void log_device(const struct uk_pci_dev *d)
{
	unsigned int v;

	uk_pr_info("pci: %02x:%02x.%x %04x:%04x class %06x irq %d\n", d->bus,
		   d->dev, d->fn, d->vendor_id, d->device_id, d->class_code,
		   d->irq_line == 0xff ? -1 : d->irq_line);
	for (v = 0; v < UK_PCI_NR_BARS; v++)
		if (d->bar[v].size)
			uk_pr_debug("pci:   bar%u %llx size %llx flags %x\n",
				    v, (unsigned long long)d->bar[v].addr,
				    (unsigned long long)d->bar[v].size,
				    d->bar[v].flags);
}

unsigned int _pci_scan(void)
{
	unsigned int i;
	uint8_t fn;

	if (!_pci_mechanism_present())
		return 0;
	scan_bus(0, NULL);
	/* A multi-function host bridge: function n roots bus n. */
	if ((_pci_read32(0, 0, 0, 0xc) >> 16) & HDR_MULTIFN)
		for (fn = 1; fn < 8; fn++)
			if ((_pci_read32(0, 0, fn, 0) & 0xffff) != 0xffff)
				scan_bus(fn, NULL);
	_pci_route_intx();
	for (i = 0; i < scan.nr; i++)
		log_device(uk_pci_get(i));
	if (scan.dropped)
		uk_pr_err("pci: out of memory: %u functions beyond the first %u ignored\n",
			  scan.dropped, scan.nr);
	return scan.nr;
}
