/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The driver registry and the boot-time probe: every device found is
 * offered once to the drivers of the pcidrv table, in table order.
 */
#include <errno.h>
#include <uk/bus/pci.h>
#include <uk/init.h>
#include <uk/print.h>
#include "pci.h"

static int id_matches(const struct uk_pci_id *id, const struct uk_pci_dev *d)
{
	if (id->vendor != UK_PCI_ANY && id->vendor != d->vendor_id)
		return 0;
	if (id->device != UK_PCI_ANY && id->device != d->device_id)
		return 0;
	return (d->class_code & id->class_mask) ==
	       (id->class_code & id->class_mask);
}

static void probe_device(struct uk_pci_dev *d)
{
	const struct uk_pci_driver *drv;
	const struct uk_pci_id *id;
	int rc;

	UK_TABLE_FOREACH(drv, pcidrv) {
		for (id = drv->ids; id && id->vendor; id++) {
			if (!id_matches(id, d))
				continue;
			rc = drv->probe(d, id);
			if (rc == 0) {
				d->driver = drv;
				return;
			}
			/* -ENODEV: not for this driver after all (it says why). */
			if (rc != -ENODEV)
				uk_pr_warn("pci: %02x:%02x.%x: %s did not take it: %d\n",
					   d->bus, d->dev, d->fn, drv->name,
					   rc);
			break;
		}
	}
}

static int pci_init(void)
{
	unsigned int i, n = _pci_scan();

	for (i = 0; i < n; i++)
		probe_device(uk_pci_get(i));
	return 0;
}

/* After the allocator (EARLY) and the other platform services. */
uk_initcall_class_prio(pci_init, NULL, UK_INIT_CLASS_PLAT, 7);
