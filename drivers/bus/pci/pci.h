/* SPDX-License-Identifier: BSD-3-Clause */
/* Private interfaces between the files of the PCI bus library. */
#ifndef PCI_PRIVATE_H
#define PCI_PRIVATE_H

#include <uk/bus/pci.h>

/* Configuration mechanism #1 by address (conf.c). */
uint32_t _pci_read32(uint8_t bus, uint8_t dev, uint8_t fn, unsigned int off);
void _pci_write32(uint8_t bus, uint8_t dev, uint8_t fn, unsigned int off,
		  uint32_t v);
/* 1 when ports 0xcf8/0xcfc answer as mechanism #1 (not on microvm). */
int _pci_mechanism_present(void);

/*
 * Give BAR @i of @d an address if the firmware left it at 0 (assign.c);
 * around the scan of a bridge's bus, _open/_close size its windows to
 * what the bus received, from the cursor taken before the bus.
 */
void _pci_assign_bar(struct uk_pci_dev *d, unsigned int i);
void _pci_bridge_open(struct uk_pci_dev *br);
void _pci_bridge_close(struct uk_pci_dev *br, uint64_t mem0, uint32_t io0);
void _pci_assign_cursor(uint64_t *mem, uint32_t *io);

/*
 * Set the irq_line of every device with an INTx pin from the chipset's
 * routing (route.c), which the firmware's line register may not match.
 */
void _pci_route_intx(void);

/* Find every device (scan.c); the number found. */
unsigned int _pci_scan(void);

#endif /* PCI_PRIVATE_H */
