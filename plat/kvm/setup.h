/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Private interfaces between the parts of the kvm platform. Everything
 * here runs on the boot CPU during setup (kvm/setup.c gives the order)
 * unless its comment says otherwise.
 */
#ifndef KVM_SETUP_H
#define KVM_SETUP_H

/* Boot protocols, as entry.S passes them to _kvm_entry64(). */
#define KVM_BOOT_MULTIBOOT	1
#define KVM_BOOT_PVH		2

/* The page under each boot stack that stays unmapped. */
#define KVM_GUARD_SIZE		4096
#define KVM_IST_STACK_SIZE	8192

#ifndef __ASSEMBLY__
#include <uk/essentials.h>
#include <uk/plat/bootinfo.h>

/* What a boot protocol tells us, before it becomes the bootinfo. */
#define KVM_MAX_RAM_RANGES 16

struct kvm_bootparams {
	int protocol;
	unsigned int nr_ram;
	struct {
		uint64_t start, end;
	} ram[KVM_MAX_RAM_RANGES];
	/* The loader's command line (not copied yet), or NULL. */
	const char *cmdline;
	uint64_t initrd_start, initrd_len;	/* len 0: none */
};

/* Stacks (stacks.c): each is [guard page][stack], page-aligned. */
struct kvm_stack_boot {
	char guard[KVM_GUARD_SIZE];
	char stack[CONFIG_KVM_STACK_SIZE];
};
struct kvm_stack_ist {
	char guard[KVM_GUARD_SIZE];
	char stack[KVM_IST_STACK_SIZE];
};
extern struct kvm_stack_boot _kvm_boot_stack;
extern struct kvm_stack_ist _kvm_ist_stacks[];
/* The guard pages, for paging.c; the crash message for a fault in one. */
unsigned int _kvm_stack_guards(uintptr_t *guards, unsigned int max);
const char *_kvm_stack_overflow_msg(uintptr_t addr);
void _kvm_stacks_ist_tops(uintptr_t *tops);

/*
 * The C entry, called by entry.S in long mode on the boot stack with
 * the protocol, the loader's information and (multiboot) the magic.
 */
void _kvm_entry64(int protocol, uintptr_t info, uint32_t magic) __noreturn;

/* TSC at the first instruction of the entry code (entry.S). */
extern uint64_t _kvm_entry_tsc;

/* The loader's information (multiboot.c, pvh.c); 0 or -EINVAL. */
int _kvm_multiboot_parse(uint32_t magic, uintptr_t info,
			 struct kvm_bootparams *bp);
int _kvm_pvh_parse(uintptr_t info, struct kvm_bootparams *bp);

/*
 * Memory regions of the bootinfo from the RAM ranges, minus page 0, the
 * legacy hole (640 KiB-1 MiB), the image and the initrd (memory.c). The
 * RAM ranges of @bp are checked first: those that wrap around dropped,
 * conventional memory trimmed to what answers. Sets *@free_bytes; 0,
 * -EFAULT when the initrd does not lie in RAM, -ENOMEM when the loader's
 * command line does not.
 */
int _kvm_mem_init(struct uk_bootinfo *bi, struct kvm_bootparams *bp,
		  uint64_t *free_bytes);
/*
 * Take @pages pages from the free regions of @bi (below 1 GiB, which the
 * boot page tables map), recording them as a kernel region @name.
 * Returns the address or 0 when no region has room.
 */
uintptr_t _kvm_mem_take(struct uk_bootinfo *bi, unsigned int pages,
			const char *name);

/* Copy the loader's command line into the image; 0 or -E2BIG. */
int _kvm_cmdline_init(struct uk_bootinfo *bi, const char *loader_cmdline);

/* Final page tables (paging.c); 0 or -ENOMEM. */
int _kvm_paging_init(struct uk_bootinfo *bi, const struct kvm_bootparams *bp);
/* Entry attributes of device pages and of tables, shared with mmio.c. */
#define KVM_PTE_DEVICE	(X86_PTE_PRESENT | X86_PTE_RW | X86_PTE_NX | \
			 X86_PTE_PCD | X86_PTE_PWT)
#define KVM_PTE_TABLE	(X86_PTE_PRESENT | X86_PTE_RW)
/* ~0, or ~NX on a CPU without NX (where the bit is reserved). */
uint64_t _kvm_pte_nx_mask(void);

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

/* Print a boot message on the console ("kvm: " prefix added). */
void _kvm_say(const char *msg);
void _kvm_say_num(const char *msg, unsigned long num, const char *unit);

/*
 * Time (tsc.c) and interrupts (pic.c, lapic.c, ioapic.c, irq.c, timer.c). The
 * TSC frequency is looked up, or its measurement started, at entry by
 * _kvm_tsc_calibrate_start() and known after _kvm_tsc_init().
 */
void _kvm_tsc_calibrate_start(void);
void _kvm_tsc_init(void);
uint64_t _kvm_tsc_hz(void);
const char *_kvm_tsc_source(void);
__nsec _kvm_tsc_to_ns(uint64_t tsc);
uint64_t _kvm_ns_to_tsc(__nsec ns);
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
