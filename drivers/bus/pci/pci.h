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

/* Find every device (scan.c); the number found. */
unsigned int _pci_scan(void);

#endif /* PCI_PRIVATE_H */
