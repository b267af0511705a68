/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PCI enumeration on QEMU's -M pc (i440FX + PIIX3): what the scan must
 * find on every such machine, whatever devices the command line adds.
 * On a machine without PCI (microvm) the scan finds nothing.
 */
#include <uk/bus/pci.h>
#include <errno.h>
#include <uk/test.h>
#include "../pci.h"

/* microvm has no PCI: the suite then checks that nothing was found. */
#define REQUIRE_PCI()                                                        \
	do {                                                                 \
		if (!_pci_mechanism_present()) {                             \
			UK_TEST_EXPECT_INT_EQ(uk_pci_count(), 0);            \
			return;                                              \
		}                                                            \
	} while (0)

static struct uk_pci_dev *find(uint16_t vendor, uint16_t device)
{
	unsigned int i;

	for (i = 0; i < uk_pci_count(); i++)
		if (uk_pci_get(i)->vendor_id == vendor &&
		    uk_pci_get(i)->device_id == device)
			return uk_pci_get(i);
	return NULL;
}

UK_TESTCASE(ukbuspci, host_bridge_at_0)
{
	struct uk_pci_dev *d;

	REQUIRE_PCI();
	/* before: QEMU -M pc; after the boot scan, 00:00.0 is the i440FX */
	UK_TEST_ASSERT(uk_pci_count() >= 2);
	d = uk_pci_get(0);
	UK_TEST_EXPECT_UINT_EQ(d->bus, 0);
	UK_TEST_EXPECT_UINT_EQ(d->dev, 0);
	UK_TEST_EXPECT_UINT_EQ(d->vendor_id, 0x8086);
	UK_TEST_EXPECT_UINT_EQ(d->device_id, 0x1237);
	UK_TEST_EXPECT_UINT_EQ(d->class_code >> 8, 0x0600);
	UK_TEST_EXPECT_UINT_EQ(uk_pci_conf_read16(d, UK_PCI_VENDOR_ID),
			       0x8086);
}

UK_TESTCASE(ukbuspci, isa_bridge)
{
	struct uk_pci_dev *d = find(0x8086, 0x7000);

	REQUIRE_PCI();
	UK_TEST_ASSERT_NOT_NULL(d);
	UK_TEST_EXPECT_UINT_EQ(d->class_code >> 8, 0x0601);
	UK_TEST_EXPECT_UINT_EQ(d->bus, 0);
	/* The PIIX3 is multi-function: its IDE function follows it. */
	UK_TEST_EXPECT_NOT_NULL(find(0x8086, 0x7010));
}

UK_TESTCASE(ukbuspci, bar_sizes)
{
	struct uk_pci_dev *d = find(0x8086, 0x7010);

	REQUIRE_PCI();
	/* PIIX3 IDE: BAR4 is the 16-port bus-master DMA block. */
	UK_TEST_ASSERT_NOT_NULL(d);
	UK_TEST_EXPECT_UINT_EQ(d->bar[4].flags & UK_PCI_BAR_IO,
			       UK_PCI_BAR_IO);
	UK_TEST_EXPECT_UINT_EQ(d->bar[4].size, 16);
	/* Sizing restored the BAR. */
	UK_TEST_EXPECT_UINT_EQ(uk_pci_conf_read32(d, UK_PCI_BAR0 + 16) & ~3U,
			       d->bar[4].addr);
	UK_TEST_EXPECT_UINT_EQ(d->bar[5].size, 0);
	UK_TEST_EXPECT_NULL(uk_pci_bar_map(d, 4));	/* I/O: no mapping */
}

UK_TESTCASE(ukbuspci, no_capabilities)
{
	struct uk_pci_dev *d = uk_pci_get(0);

	REQUIRE_PCI();
	UK_TEST_ASSERT_NOT_NULL(d);
	UK_TEST_EXPECT_UINT_EQ(uk_pci_cap_next(d, UK_PCI_CAP_MSIX, 0), 0);
	UK_TEST_EXPECT_INT_EQ(uk_pci_msix_enable(d), -ENOTSUP);
	UK_TEST_EXPECT_NULL(uk_pci_get(uk_pci_count()));
}

/* Every device a virtio driver may own has its capabilities walked. */
UK_TESTCASE(ukbuspci, vendor_caps_walk)
{
	unsigned int i, off, n;

	REQUIRE_PCI();
	for (i = 0; i < uk_pci_count(); i++) {
		struct uk_pci_dev *d = uk_pci_get(i);

		if (d->vendor_id != 0x1af4)
			continue;
		n = 0;
		for (off = uk_pci_cap_next(d, UK_PCI_CAP_VENDOR, 0); off;
		     off = uk_pci_cap_next(d, UK_PCI_CAP_VENDOR, off))
			n++;
		/* modern virtio: common, notify, isr, device (+ pci cfg) */
		if (d->device_id >= 0x1040)
			UK_TEST_EXPECT_INT_GE(n, 4);
	}
}
