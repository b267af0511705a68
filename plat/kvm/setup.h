/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Private interfaces between the parts of the kvm platform. Everything
 * here runs on the boot CPU during setup (kvm/setup.c gives the order)
 * unless its comment says otherwise.
 */
#ifndef KVM_SETUP_H
#define KVM_SETUP_H

#include <x86/boot.h>
#include <x86/stacks.h>

#ifndef __ASSEMBLY__
#include <uk/essentials.h>
#include <uk/plat/bootinfo.h>

/* The multiboot information (multiboot.c); 0 or -EINVAL. */
int _kvm_multiboot_parse(uint32_t magic, uintptr_t info,
			 struct x86_bootparams *bp);

/* Copy the loader's command line into the image; 0 or -E2BIG. */
int _kvm_cmdline_init(struct uk_bootinfo *bi, const char *loader_cmdline);

/*
 * Reserve the page tables of run-time device mappings (mmio.c, with
 * CONFIG_KVM_MMIO_MAP); 0 or -ENOMEM.
 */
int _kvm_mmio_init(struct uk_bootinfo *bi);

/*
 * Take the trailing virtio_mmio.device=<size>@<base>:<irq> tokens QEMU
 * appends on microvm out of the command line into bi->devices
 * (cmdline.c). A malformed token is reported and left for the
 * application, as any other argument.
 */
void _kvm_cmdline_devices(struct uk_bootinfo *bi);
/*
 * Without such tokens and without PCI (microvm booted by multiboot),
 * probe microvm's virtio-mmio slots (microvm.c, with CONFIG_KVM_MMIO_MAP).
 */
void _kvm_microvm_devices(struct uk_bootinfo *bi);

/* Console devices (serial.c, vga.c). */
void _kvm_serial_init(void);
void _kvm_serial_out(const char *buf, unsigned int len);
int _kvm_serial_in(char *buf, unsigned int maxlen);
void _kvm_vga_init(void);
void _kvm_vga_out(const char *buf, unsigned int len);

/* Interrupts (pic.c, lapic.c, ioapic.c, irq.c, timer.c). */
void _kvm_irq_init(void);
void _kvm_timer_init(void);

/* Stop the machine (shutdown.c). */
void _kvm_shutdown(int status) __noreturn;
/* 1 on a PCI machine (-M pc), 0 without PCI (-M microvm). */
int _kvm_has_pci(void);
/* A page shutdown needs mapped as a device (0: none). */
uintptr_t _kvm_shutdown_mmio(void);
#endif /* !__ASSEMBLY__ */

#endif /* KVM_SETUP_H */
