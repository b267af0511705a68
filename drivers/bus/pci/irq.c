/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Device memory and interrupts of a PCI device: mapping BARs, INTx (a
 * shared, level-triggered, active-low line routed by the firmware) and
 * MSI-X (a table of address/data/mask entries in one of the BARs).
 */
#include <errno.h>
#include <uk/bus/pci.h>
#include <uk/plat/irq.h>
#include <uk/plat/mmio.h>
#include "pci.h"

#define MSIX_CTRL		2
#define MSIX_TABLE		4
#define MSIX_CTRL_ENABLE	0x8000
#define MSIX_CTRL_MASKALL	0x4000
#define MSIX_ENTRY_WORDS	4
#define MSIX_VEC_MASKED		1

void *uk_pci_bar_map(struct uk_pci_dev *d, unsigned int bar)
{
	struct uk_pci_bar *b;

	if (bar >= UK_PCI_NR_BARS)
		return NULL;
	b = &d->bar[bar];
	if (!b->size || !b->addr || (b->flags & UK_PCI_BAR_IO))
		return NULL;
	if (uk_plat_mmio_map(b->addr, b->size) < 0)
		return NULL;
	return (void *)(uintptr_t)b->addr;
}

int uk_pci_intx_register(struct uk_pci_dev *d, uk_irq_handler_t fn,
			 void *arg)
{
	int rc;

	if (!d->irq_pin || d->irq_line == 0xff)
		return -ENOENT;
	rc = uk_plat_irq_set_trigger(d->irq_line, UK_IRQ_TRIGGER_LEVEL_LOW);
	if (rc < 0)
		return rc;
	rc = uk_plat_irq_register(d->irq_line, fn, arg);
	if (rc < 0)
		return rc;
	uk_pci_conf_write16(d, UK_PCI_COMMAND,
			    uk_pci_conf_read16(d, UK_PCI_COMMAND) &
			    ~UK_PCI_CMD_INTX_OFF);
	return 0;
}

int uk_pci_msix_enable(struct uk_pci_dev *d)
{
	unsigned int cap, bir, i;
	uint32_t table;
	uint16_t ctrl, size;
	uint64_t off;
	char *base;

	/* No messages without somewhere to deliver them: use INTx. */
	if (!uk_plat_irq_msi_supported())
		return -ENOTSUP;
	cap = uk_pci_cap_next(d, UK_PCI_CAP_MSIX, 0);
	if (!cap)
		return -ENOTSUP;
	ctrl = uk_pci_conf_read16(d, cap + MSIX_CTRL);
	size = (ctrl & 0x7ff) + 1;
	table = uk_pci_conf_read32(d, cap + MSIX_TABLE);
	bir = table & 7;
	off = table & ~7U;
	if (bir >= UK_PCI_NR_BARS ||
	    off + (uint64_t)size * 16 > d->bar[bir].size)
		return -EINVAL;
	uk_pci_enable(d);
	base = uk_pci_bar_map(d, bir);
	if (!base)
		return -EINVAL;
	d->msix_table = (volatile uint32_t *)(base + off);
	d->msix_size = size;
	d->msix_cap = cap;
	/* Enabled with every vector masked, then each entry masked. */
	uk_pci_conf_write16(d, cap + MSIX_CTRL,
			    ctrl | MSIX_CTRL_ENABLE | MSIX_CTRL_MASKALL);
	for (i = 0; i < size; i++)
		d->msix_table[i * MSIX_ENTRY_WORDS + 3] = MSIX_VEC_MASKED;
	uk_pci_conf_write16(d, cap + MSIX_CTRL,
			    (ctrl | MSIX_CTRL_ENABLE) & ~MSIX_CTRL_MASKALL);
	uk_pci_conf_write16(d, UK_PCI_COMMAND,
			    uk_pci_conf_read16(d, UK_PCI_COMMAND) |
			    UK_PCI_CMD_INTX_OFF);
	return size;
}

int uk_pci_msix_set(struct uk_pci_dev *d, unsigned int entry,
		    uk_irq_handler_t fn, void *arg)
{
	volatile uint32_t *e;
	struct uk_irq_msi msg;
	int rc;

	if (!d->msix_table || entry >= d->msix_size)
		return -EINVAL;
	rc = uk_plat_irq_alloc_msi(fn, arg, &msg);
	if (rc < 0)
		return rc;
	e = d->msix_table + entry * MSIX_ENTRY_WORDS;
	e[0] = (uint32_t)msg.addr;
	e[1] = (uint32_t)(msg.addr >> 32);
	e[2] = msg.data;
	e[3] = 0;	/* unmasked */
	return 0;
}
