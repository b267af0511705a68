/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * From entry.S to ukboot. _kvm_entry64() runs in long mode on the boot
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
#include <kvm/setup.h>

#define KVM_EXIT_USAGE 2

static struct uk_bootinfo bootinfo;

struct uk_bootinfo *uk_plat_bootinfo(void)
{
	return &bootinfo;
}

extern char __kvm_image_start[], __kvm_text_end[], __kvm_rodata_end[];

static const char *describe_fault(const struct ukarch_regs *r,
				  unsigned long cr2)
{
	const char *overflow;

	if (r->vector != X86_TRAP_PF)
		return NULL;
	overflow = _kvm_stack_overflow_msg(cr2);
	if (overflow)
		return overflow;
	if (cr2 < 4096)
		return "NULL pointer dereference";
	if ((r->error & X86_PF_WRITE) && cr2 >= (uintptr_t)__kvm_image_start &&
	    cr2 < (uintptr_t)__kvm_rodata_end)
		return cr2 < (uintptr_t)__kvm_text_end ?
		       "write to the read-only kernel text" :
		       "write to read-only kernel data";
	return NULL;
}

static void __noreturn stop(int status)
{
	uk_plat_terminate(UK_PLAT_HALT, status);
}

void _kvm_entry64(int protocol, uintptr_t info, uint32_t magic)
{
	struct kvm_bootparams bp = { .protocol = protocol };
	struct uk_bootinfo *bi = &bootinfo;
	uintptr_t ist[UKARCH_NR_IST];
	uint64_t free;
	int rc;

	ukarch_ectx_init();
	_kvm_tsc_calibrate_start();
	_kvm_serial_init();
#if CONFIG_KVM_CONSOLE_VGA
	_kvm_vga_init();
#endif
	_kvm_stacks_ist_tops(ist);
	ukarch_traps_init(ist);
	ukarch_set_fault_describe(describe_fault);

	if (protocol == KVM_BOOT_MULTIBOOT)
		rc = _kvm_multiboot_parse(magic, info, &bp);
	else
		rc = _kvm_pvh_parse(info, &bp);
	if (rc < 0) {
		_kvm_say("boot information not understood (neither multiboot nor PVH)");
		uk_plat_terminate(UK_PLAT_CRASH, UK_CRASH_STATUS);
	}

	/* Before memory: the allocators may reuse the loader's pages. */
	if (_kvm_cmdline_init(bi, bp.cmdline) < 0) {
		_kvm_say_num("command line refused: longer than ",
			     CONFIG_KVM_CMDLINE_MAX - 1,
			     " bytes (CONFIG_KVM_CMDLINE_MAX)");
		stop(KVM_EXIT_USAGE);
	}
	_kvm_cmdline_devices(bi);

	rc = _kvm_mem_init(bi, &bp, &free);
	if (rc == -ENOMEM) {
		_kvm_say("not enough memory: RAM ends before the command line the loader put after the image; give the guest more memory");
		stop(KVM_EXIT_USAGE);
	} else if (rc < 0) {
		/* Multiboot puts modules after the image, under 640 KiB. */
		_kvm_say_num("initrd outside RAM (a multiboot module must end under 640 KiB; boot through PVH for more): ",
			     bp.initrd_len >> 10, " KiB");
		stop(KVM_EXIT_USAGE);
	}
	if (_kvm_paging_init(bi, &bp) < 0) {
		_kvm_say_num("not enough memory: free RAM besides the image: ",
			     free >> 10, " KiB; give the guest more memory");
		stop(KVM_EXIT_USAGE);
	}
#if CONFIG_KVM_MMIO_MAP
	if (_kvm_mmio_init(bi) < 0) {
		_kvm_say("not enough memory for the device page tables; give the guest more memory");
		stop(KVM_EXIT_USAGE);
	}
	_kvm_microvm_devices(bi);
#endif

	_kvm_tsc_init();
	bi->entry_ns = _kvm_tsc_to_ns(_kvm_entry_tsc);
	_kvm_irq_init();
	_kvm_timer_init();

	/* As on linuxu: interrupts on, every source masked until used. */
	uk_plat_irq_enable();
	uk_boot_entry();
}
