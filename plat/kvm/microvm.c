/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio-mmio windows of QEMU's microvm when the command line did not
 * name them. QEMU appends virtio_mmio.device= tokens only to the command
 * line it hands through fw_cfg (PVH boots read it); a multiboot boot got
 * its copy before, so it sees none. The windows then are found where
 * microvm puts them: 512-byte transports from 0xfeb00000, slot i on
 * IOAPIC pin 16 + i (QEMU 7.2) when the machine has one IOAPIC (ioapic2=off; 8
 * transports). With a second IOAPIC (24 transports) the lines are on it,
 * which this platform does not drive: said once, nothing listed. With
 * acpi=off QEMU puts the lines elsewhere (support/scripts/run keeps ACPI
 * on microvm): the devices are then listed but never interrupt, and
 * their drivers' interrupt-mode tests time out.
 * QEMU fills the slots from the top down, the first -device in the last
 * slot: the slots are listed top first, so that device order follows the
 * command line (make run's DISK= and NET= come first) as on -M pc.
 * Probing costs a page mapping and a few reads; machines with PCI (-M
 * pc) never probe.
 */
#include <uk/arch/cpu.h>
#include <uk/plat/mmio.h>
#include <kvm/setup.h>

#define MICROVM_MMIO_BASE	0xfeb00000UL
#define MICROVM_MMIO_SIZE	0x200
#define MICROVM_MMIO_SLOTS	8
#define MICROVM_MMIO_IRQ	16
#define MMIO_MAGIC		0x74726976
#define MMIO_DEVICE_ID		0x008

static int slot_present(unsigned int i)
{
	return mmio_read32(MICROVM_MMIO_BASE + i * MICROVM_MMIO_SIZE) ==
	       MMIO_MAGIC;
}

void _kvm_microvm_devices(struct uk_bootinfo *bi)
{
	unsigned int i;
	uintptr_t base;

	if (bi->nr_devices || _kvm_has_pci())
		return;
	if (uk_plat_mmio_map(MICROVM_MMIO_BASE, 3 * MICROVM_MMIO_SLOTS *
			     MICROVM_MMIO_SIZE) < 0 || !slot_present(0))
		return;
	if (slot_present(MICROVM_MMIO_SLOTS)) {
		_x86_say("virtio-mmio devices need one IOAPIC: run -M microvm,ioapic2=off");
		return;
	}
	for (i = MICROVM_MMIO_SLOTS; i-- > 0;) {
		base = MICROVM_MMIO_BASE + i * MICROVM_MMIO_SIZE;
		if (!slot_present(i) || !mmio_read32(base + MMIO_DEVICE_ID))
			continue;
		bi->devices[bi->nr_devices++] = (struct uk_bootdev){
			.type = UK_BOOTDEV_VIRTIO_MMIO,
			.base = base,
			.len = MICROVM_MMIO_SIZE,
			.irq = MICROVM_MMIO_IRQ + i,
		};
	}
}
