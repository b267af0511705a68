/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The PCI bus (kvm only): the devices found at boot, their configuration
 * space, BARs, capabilities and interrupts, and a driver registry.
 *
 * A driver registers a table of ids by linker section:
 *
 *	static const struct uk_pci_id ids[] = {
 *		{ .vendor = 0x1af4, .device = 0x1041 },
 *		{ .vendor = 0x1af4, .device = UK_PCI_ANY,
 *		  .class_code = 0x020000, .class_mask = 0xffff00 },
 *		{ 0 }
 *	};
 *	static int probe(struct uk_pci_dev *d, const struct uk_pci_id *id);
 *	UK_PCI_DRIVER(mydrv, ids, probe);
 *
 * The bus scans every bus once, from a PLAT-class initcall (after the
 * allocator, with interrupts on), then offers each device to the drivers
 * in table order; the first whose probe returns 0 owns it. A failing
 * probe is logged and the device left to the next driver.
 *
 * Devices are untrusted: the scan takes what configuration space says
 * only after range checks, and a BAR that overlaps RAM is not mapped.
 */
#ifndef UK_BUS_PCI_H
#define UK_BUS_PCI_H

#include <uk/essentials.h>
#include <uk/section.h>
#include <uk/plat/irq.h>

/* Configuration-space offsets. */
#define UK_PCI_VENDOR_ID	0x00
#define UK_PCI_DEVICE_ID	0x02
#define UK_PCI_COMMAND		0x04
#define UK_PCI_STATUS		0x06
#define UK_PCI_REVISION		0x08
#define UK_PCI_HEADER_TYPE	0x0e
#define UK_PCI_BAR0		0x10
#define UK_PCI_SUBSYS_VENDOR	0x2c
#define UK_PCI_SUBSYS_ID	0x2e
#define UK_PCI_CAP_PTR		0x34
#define UK_PCI_IRQ_LINE		0x3c
#define UK_PCI_IRQ_PIN		0x3d

#define UK_PCI_CMD_IO		0x0001
#define UK_PCI_CMD_MEM		0x0002
#define UK_PCI_CMD_MASTER	0x0004
#define UK_PCI_CMD_INTX_OFF	0x0400
#define UK_PCI_STATUS_CAPS	0x0010

/* Capability ids. */
#define UK_PCI_CAP_MSI		0x05
#define UK_PCI_CAP_VENDOR	0x09
#define UK_PCI_CAP_MSIX		0x11

#define UK_PCI_NR_BARS		6
#define UK_PCI_BAR_IO		0x1	/* I/O ports, else memory */
#define UK_PCI_BAR_MEM64	0x2	/* 64-bit (takes the next BAR too) */
#define UK_PCI_BAR_PREFETCH	0x4

struct uk_pci_bar {
	uint64_t addr;		/* port or physical address, 0: absent */
	uint64_t size;		/* bytes (write-ones method), 0: absent */
	unsigned int flags;	/* UK_PCI_BAR_* */
};

struct uk_pci_driver;

struct uk_pci_dev {
	uint8_t bus, dev, fn;
	uint16_t vendor_id, device_id;
	uint16_t subsys_vendor_id, subsys_id;
	uint32_t class_code;	/* class << 16 | subclass << 8 | prog-if */
	uint8_t revision;
	uint8_t header_type;	/* without the multi-function bit */
	uint8_t irq_line;	/* IOAPIC line of INTx, 0xff: none */
	uint8_t irq_pin;	/* 1-4 for INTA-INTD, 0: none */
	struct uk_pci_bar bar[UK_PCI_NR_BARS];
	struct uk_pci_dev *parent;	/* the bridge above, NULL on bus 0 */
	/* The driver that owns the device, set when its probe succeeds. */
	const struct uk_pci_driver *driver;
	/* MSI-X, set up by uk_pci_msix_enable(). */
	volatile uint32_t *msix_table;
	uint16_t msix_size, msix_cap;
};

#define UK_PCI_ANY 0xffff

/* vendor and device (UK_PCI_ANY: any) and the class bits in class_mask. */
struct uk_pci_id {
	uint16_t vendor, device;
	uint32_t class_code, class_mask;
};

struct uk_pci_driver {
	const char *name;
	const struct uk_pci_id *ids;	/* ends with vendor 0 */
	/* 0: the driver owns the device; -errno: not taken. */
	int (*probe)(struct uk_pci_dev *dev, const struct uk_pci_id *id);
};

#define UK_PCI_DRIVER(name_, ids_, probe_)                                   \
	UK_TABLE_ENTRY(pcidrv, 0, struct uk_pci_driver,                      \
		       __uk_pcidrv_##name_) = {                              \
		.name = #name_,                                              \
		.ids = (ids_),                                               \
		.probe = (probe_),                                           \
	}

UK_TABLE_DECLARE(pcidrv, struct uk_pci_driver);

/* Devices found at boot, in bus order. */
unsigned int uk_pci_count(void);
struct uk_pci_dev *uk_pci_get(unsigned int i);

/* Configuration space of @d; @off must be aligned to the access size. */
uint8_t uk_pci_conf_read8(const struct uk_pci_dev *d, unsigned int off);
uint16_t uk_pci_conf_read16(const struct uk_pci_dev *d, unsigned int off);
uint32_t uk_pci_conf_read32(const struct uk_pci_dev *d, unsigned int off);
void uk_pci_conf_write8(const struct uk_pci_dev *d, unsigned int off,
			uint8_t v);
void uk_pci_conf_write16(const struct uk_pci_dev *d, unsigned int off,
			 uint16_t v);
void uk_pci_conf_write32(const struct uk_pci_dev *d, unsigned int off,
			 uint32_t v);

/*
 * Offset of the first capability @id after offset @after (0: from the
 * start of the list), or 0 when there is none. The walk stops after 48
 * capabilities, so a looping list cannot hang it.
 */
unsigned int uk_pci_cap_next(const struct uk_pci_dev *d, uint8_t id,
			     unsigned int after);

/* Turn on memory and I/O decoding and bus mastering (DMA). */
void uk_pci_enable(struct uk_pci_dev *d);

/*
 * Map memory BAR @bar uncached (uk_plat_mmio_map) and return its address,
 * or NULL for an absent or I/O BAR, or one the platform refuses.
 */
void *uk_pci_bar_map(struct uk_pci_dev *d, unsigned int bar);

/*
 * Attach @fn to the device's INTx line (level, active low). 0, -ENOENT
 * when the device has no routed line, or the platform's error.
 */
int uk_pci_intx_register(struct uk_pci_dev *d, uk_irq_handler_t fn,
			 void *arg);

/*
 * MSI-X: uk_pci_msix_enable() maps the table, masks every entry and
 * enables MSI-X (INTx off); it returns the table size or -ENOTSUP (no
 * capability, or a platform that cannot deliver messages: use INTx),
 * -EINVAL (a table outside its BAR). uk_pci_msix_set()
 * gives entry @entry a fresh vector calling @fn(@arg) and unmasks it;
 * returns 0, -EINVAL (@entry out of range, not enabled), -ENOSPC.
 */
int uk_pci_msix_enable(struct uk_pci_dev *d);
int uk_pci_msix_set(struct uk_pci_dev *d, unsigned int entry,
		    uk_irq_handler_t fn, void *arg);

#endif /* UK_BUS_PCI_H */
