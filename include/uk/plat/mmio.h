/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Device memory: registers of devices (PCI BARs, virtio-mmio windows)
 * are not mapped at boot; a driver maps what it uses, uncached, at the
 * same virtual address as its physical address (the kernel platforms
 * identity-map everything), so a BAR's address is its pointer.
 */
#ifndef UK_PLAT_MMIO_H
#define UK_PLAT_MMIO_H

#include <uk/essentials.h>

/*
 * Map [@paddr, @paddr + @len) read-write, uncached, no-execute, rounded
 * out to whole pages; mapping a page twice is harmless. Returns 0,
 * -EINVAL for an empty or wrapping range, one beyond what the platform
 * maps, or one overlapping RAM or the image (a device claiming RAM is
 * refused, not believed), -ENOMEM when the page tables reserved for
 * device mappings are used up. On kvm only with CONFIG_KVM_MMIO_MAP
 * (selected by the buses that need it).
 */
int uk_plat_mmio_map(uint64_t paddr, size_t len);

#endif /* UK_PLAT_MMIO_H */
