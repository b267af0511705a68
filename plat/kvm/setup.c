/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * From entry.S to ukboot. _x86_entry64() runs in long mode on the boot
 * stack with interrupts off and brings the platform up in the order each
 * step needs:
 *   extended state (SSE is in use already) -> TSC frequency lookup (or
 *   the start of its measurement) -> console -> descriptor
 *   tables and exceptions (a fault from here on prints a crash screen)
 *   -> boot information -> command line -> memory regions -> final page
 *   tables -> TSC -> interrupt controllers -> timer -> uk_boot_entry().
 * A setup failure is reported with a "kvm:" line and ends the image with
 * status 2 (the user's configuration: too little memory, a command line
 * too long) or the crash status (a loader we do not understand).
 */
#include <errno.h>
#include <uk/arch/ectx.h>
#include <uk/arch/traps.h>
#include <uk/plat/bootinfo.h>
#include <uk/plat/entry.h>
#include <uk/plat/irq.h>
#include <uk/plat/lifecycle.h>
#include <x86/memory.h>
#include <x86/paging.h>
#include <x86/tsc.h>
#include <kvm/intctrl.h>
#include <kvm/setup.h>

#define KVM_EXIT_USAGE 2

static struct uk_bootinfo bootinfo;

struct uk_bootinfo *uk_plat_bootinfo(void)
{
	return &bootinfo;
}

static void __noreturn stop(int status)
{
	uk_plat_terminate(UK_PLAT_HALT, status);
}

/* The device pages the platform touches, for the page tables. */
static unsigned int device_pages(uint64_t *dev)
{
	unsigned int n = 0;
	uintptr_t shutdown_page;

	/*
	 * The APICs' pages even when CPUID hides the local APIC: lapic.c
	 * and ioapic.c probe what answers there.
	 */
	dev[n++] = _kvm_lapic_base();
	dev[n++] = KVM_IOAPIC_BASE;
	shutdown_page = _kvm_shutdown_mmio();
	if (shutdown_page)
		dev[n++] = shutdown_page;
	return n;
}

void _x86_entry64(int protocol, uintptr_t info, uint32_t magic)
{
	struct x86_bootparams bp = { .protocol = protocol };
	struct uk_bootinfo *bi = &bootinfo;
	uintptr_t ist[UKARCH_NR_IST];
	uint64_t dev[3];
	uint64_t free;
	int rc;

	ukarch_ectx_init();
	_x86_tsc_calibrate_start();
	_kvm_serial_init();
#if CONFIG_KVM_CONSOLE_VGA
	_kvm_vga_init();
#endif
	_x86_stacks_ist_tops(ist);
	ukarch_traps_init(ist);
	_x86_fault_describe_init();

	if (protocol == X86_BOOT_MULTIBOOT)
		rc = _kvm_multiboot_parse(magic, info, &bp);
	else
		rc = _x86_pvh_parse(info, &bp);
	if (rc < 0) {
		_x86_say("boot information not understood (neither multiboot nor PVH)");
		uk_plat_terminate(UK_PLAT_CRASH, UK_CRASH_STATUS);
	}

	/* Before memory: the allocators may reuse the loader's pages. */
	if (_kvm_cmdline_init(bi, bp.cmdline) < 0) {
		_x86_say_num("command line refused: longer than ",
			     CONFIG_KVM_CMDLINE_MAX - 1,
			     " bytes (CONFIG_KVM_CMDLINE_MAX)");
		stop(KVM_EXIT_USAGE);
	}
	_kvm_cmdline_devices(bi);

	rc = _x86_mem_init(bi, &bp, &free);
	if (rc == -ENOMEM) {
		_x86_say("not enough memory: RAM ends before the command line the loader put after the image; give the guest more memory");
		stop(KVM_EXIT_USAGE);
	} else if (rc < 0) {
		/* Multiboot puts modules after the image, under 640 KiB. */
		_x86_say_num("initrd outside RAM (a multiboot module must end under 640 KiB; boot through PVH for more): ",
			     bp.initrd_len >> 10, " KiB");
		stop(KVM_EXIT_USAGE);
	}
	if (_x86_paging_init(bi, &bp, dev, device_pages(dev)) < 0) {
		_x86_say_num("not enough memory: free RAM besides the image: ",
			     free >> 10, " KiB; give the guest more memory");
		stop(KVM_EXIT_USAGE);
	}
#if CONFIG_KVM_MMIO_MAP
	if (_kvm_mmio_init(bi) < 0) {
		_x86_say("not enough memory for the device page tables; give the guest more memory");
		stop(KVM_EXIT_USAGE);
	}
	_kvm_microvm_devices(bi);
#endif

	_x86_tsc_init();
	bi->entry_ns = _x86_tsc_to_ns(_x86_entry_tsc);
	_kvm_irq_init();
	_kvm_timer_init();

	/* As on linuxu: interrupts on, every source masked until used. */
	uk_plat_irq_enable();
	uk_boot_entry();
}
