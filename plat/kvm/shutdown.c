/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Leaving a kvm image with an exit status that QEMU turns into its own.
 *
 * Every status, 0 included, goes to QEMU's isa-debug-exit device (port
 * 0xf4, which `run` always adds): writing v makes QEMU exit with
 * (v << 1) | 1, so 1..255; a crash (127) gives 255. QEMU's own errors
 * also exit with 1: support/scripts/run tells them from status 0 by the
 * error QEMU prints. A reset or power-off leaves QEMU with 0, which `run`
 * reports as "no exit status": that is also what an unexpected triple
 * fault gives, so a guest that dies that way never looks successful.
 *
 * Without the device (QEMU started by hand) status 0 falls back to ACPI
 * power-off: on -M pc the PIIX4 power-management function (PCI 00:01.3),
 * whose I/O base we set ourselves if the firmware did not (qboot does
 * not); PM1a_CNT = SLP_EN with sleep type 0, which QEMU's ACPI tables
 * define as S5. On -M microvm (no PCI) the ACPI generic event device's
 * sleep register at 0xfea00200, S5 = type 5. If the machine is still
 * running after that (-M pc,acpi=off has no PIIX4 PM), a triple fault
 * resets it.
 */
#include <uk/arch/cpu.h>
#include <uk/arch/traps.h>
#include <uk/plat/console.h>
#include <uk/plat/lifecycle.h>
#include <kvm/setup.h>

#define DEBUG_EXIT_PORT	0xf4

#define PCI_CONFIG_ADDR	0xcf8
#define PCI_CONFIG_DATA	0xcfc
#define PIIX4_PM_DEVFN	((1 << 3) | 3)		/* device 1, function 3 */
#define PIIX4_PM_ID	0x71138086		/* device, vendor */
#define PIIX4_PMBA	0x40
#define PIIX4_PMREGMISC	0x80
#define PIIX4_PM_BASE	0x600
#define PM1_CNT		0x04
#define PM1_SLP_EN	(1 << 13)

#define GED_SLEEP_CTL	0xfea00200UL
#define GED_SLP_S5	((5 << 2) | (1 << 5))	/* type 5, SLP_EN */

static uint32_t pci_addr(unsigned int devfn, unsigned int reg)
{
	return 0x80000000U | (devfn << 8) | (reg & 0xfc);
}

static uint32_t pci_read32(unsigned int devfn, unsigned int reg)
{
	outl(PCI_CONFIG_ADDR, pci_addr(devfn, reg));
	return inl(PCI_CONFIG_DATA);
}

static void pci_write32(unsigned int devfn, unsigned int reg, uint32_t v)
{
	outl(PCI_CONFIG_ADDR, pci_addr(devfn, reg));
	outl(PCI_CONFIG_DATA, v);
}

int _kvm_has_pci(void)
{
	/* The host bridge at 00:00.0 answers on every PCI machine. */
	return (pci_read32(0, 0) & 0xffff) != 0xffff;
}

static void acpi_poweroff(void)
{
	uint32_t base, misc;

	if (_kvm_has_pci()) {
		if (pci_read32(PIIX4_PM_DEVFN, 0) != PIIX4_PM_ID)
			return;
		base = pci_read32(PIIX4_PM_DEVFN, PIIX4_PMBA) & 0xffc0;
		misc = pci_read32(PIIX4_PM_DEVFN, PIIX4_PMREGMISC);
		if (!base || !(misc & 1)) {
			base = PIIX4_PM_BASE;
			pci_write32(PIIX4_PM_DEVFN, PIIX4_PMBA, base | 1);
			pci_write32(PIIX4_PM_DEVFN, PIIX4_PMREGMISC, misc | 1);
		}
		outw(base + PM1_CNT, PM1_SLP_EN);
	} else {
		/* Mapped by paging.c on machines without PCI. */
		mmio_write8(GED_SLEEP_CTL, GED_SLP_S5);
	}
}

uintptr_t _kvm_shutdown_mmio(void)
{
	return _kvm_has_pci() ? 0 : ALIGN_DOWN(GED_SLEEP_CTL, 4096UL);
}

static void __noreturn triple_fault(void)
{
	static const struct {
		uint16_t limit;
		uint64_t base;
	} __packed empty_idt = { 0, 0 };

	__asm__ __volatile__("lidt %0; int3" : : "m"(empty_idt));
	for (;;)
		cpu_hlt();
}

void _kvm_shutdown(int status)
{
	irq_cli();
	outb(DEBUG_EXIT_PORT, status);
	if (status)
		_x86_say("no isa-debug-exit device at port 0xf4: the exit status is lost");
	acpi_poweroff();
	triple_fault();
}

void uk_plat_terminate(enum uk_plat_stop how, int status)
{
	switch (how) {
	case UK_PLAT_HALT:
		_kvm_shutdown(status & 0x7f);
	case UK_PLAT_REBOOT:
		/* A reset; under `run` (-no-reboot) QEMU then exits with 0. */
		irq_cli();
		triple_fault();
	case UK_PLAT_CRASH:
	default:
		_kvm_shutdown(UK_CRASH_STATUS);
	}
}

const char *uk_plat_name(void)
{
	return "kvm";
}
