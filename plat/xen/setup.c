/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * From entry.S to ukboot on Xen (PVH). Xen enters the shared x86 entry
 * through the PVH note with EBX = the hvm_start_info; _x86_entry64()
 * then brings the guest up in the order each step needs:
 *   extended state -> Xen (CPUID) and the hypercall page -> shared info
 *   (time) -> console ring -> traps -> start info (memory map, or
 *   XENMEM_memory_map for a version 0 one; command line; first module
 *   as the initrd) -> command line copy -> memory regions -> final page
 *   tables -> events and timer -> uk_boot_entry().
 * A setup failure is reported with a "xen:" line and ends the guest with
 * status 2 (the user's configuration: too little memory, a command line
 * too long) or the crash status.
 */
#include <errno.h>
#include <uk/arch/cpu.h>
#include <uk/arch/ectx.h>
#include <uk/arch/traps.h>
#include <uk/plat/bootinfo.h>
#include <uk/plat/entry.h>
#include <uk/plat/irq.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/xen/xen.h>
#include <xen/hvm/params.h>
#include <xen/memory.h>
#include <x86/boot.h>
#include <x86/memory.h>
#include <x86/paging.h>
#include <x86/stacks.h>
#include "console.h"
#include "events.h"
#include "hypercall.h"
#include "time.h"

#define XEN_EXIT_USAGE	2
#define E820_RAM	1

static struct uk_bootinfo bootinfo;
static char cmdline[CONFIG_XEN_CMDLINE_MAX];

struct uk_bootinfo *uk_plat_bootinfo(void)
{
	return &bootinfo;
}

static void __noreturn stop(int status)
{
	uk_plat_terminate(UK_PLAT_HALT, status);
}

/*
 * Not on Xen: no hypercalls, so no console either. Say so on COM1 and
 * leave through QEMU's isa-debug-exit, for the one place where a Xen
 * image is likely to be booted by mistake.
 */
static void __noreturn not_xen(void)
{
	static const char msg[] =
		"xen: not running on Xen (no Xen CPUID leaves): this image boots only as a Xen PVH guest\r\n";
	unsigned int i;

	for (i = 0; msg[i]; i++)
		outb(0x3f8, msg[i]);
	outb(0xf4, XEN_EXIT_USAGE);
	for (;;)
		cpu_hlt();
}

/* A version 0 start info has no memory map: ask Xen for the E820 one. */
static int memory_map(struct x86_bootparams *bp)
{
	static struct {
		uint64_t addr, size;
		uint32_t type;
	} __packed e820[X86_MAX_RAM_RANGES * 2];
	struct xen_memory_map map = { .nr_entries = ARRAY_SIZE(e820) };
	unsigned int i;
	long rc;

	set_xen_guest_handle(map.buffer, (void *)e820);
	rc = _xen_hc2(__HYPERVISOR_memory_op, XENMEM_memory_map, &map);
	if (rc < 0)
		return (int)rc;
	if (map.nr_entries > ARRAY_SIZE(e820))
		return -EINVAL;
	for (i = 0; i < map.nr_entries && bp->nr_ram < X86_MAX_RAM_RANGES;
	     i++) {
		if (e820[i].type != E820_RAM || !e820[i].size ||
		    e820[i].addr + e820[i].size < e820[i].addr)
			continue;
		bp->ram[bp->nr_ram].start = e820[i].addr;
		bp->ram[bp->nr_ram].end = e820[i].addr + e820[i].size;
		bp->nr_ram++;
	}
	return bp->nr_ram ? 0 : -EINVAL;
}

/* Copy the command line into the image; a longer one is refused whole. */
static int copy_cmdline(struct uk_bootinfo *bi, const char *src)
{
	unsigned int i;

	bi->cmdline = cmdline;
	if (!src)
		return 0;
	for (i = 0; src[i]; i++) {
		if (i == sizeof(cmdline) - 1) {
			cmdline[0] = '\0';
			return -E2BIG;
		}
		cmdline[i] = src[i];
	}
	cmdline[i] = '\0';
	return 0;
}

void _x86_entry64(int protocol, uintptr_t info, uint32_t magic __unused)
{
	struct x86_bootparams bp = { .protocol = protocol };
	struct uk_bootinfo *bi = &bootinfo;
	uintptr_t ist[UKARCH_NR_IST];
	uint64_t free, dev[2], shared[2] = { 0, 0 }, pfn;
	unsigned int nr_dev = 0, i;
	int rc;

	ukarch_ectx_init();
	if (_xen_hypercall_init() < 0)
		not_xen();
	if (_xen_shared_info_init() < 0) {
		_x86_say("cannot map the shared info page");
		uk_plat_terminate(UK_PLAT_CRASH, UK_CRASH_STATUS);
	}
	if (_xen_console_init() < 0)
		_x86_say("no console ring (HVM_PARAM_CONSOLE_PFN): output goes to console_io");
	_x86_stacks_ist_tops(ist);
	ukarch_traps_init(ist);
	_x86_fault_describe_init();

	if (protocol != X86_BOOT_PVH || _x86_pvh_parse(info, &bp) < 0) {
		_x86_say("no PVH start info (bad magic): not started as a Xen PVH guest");
		uk_plat_terminate(UK_PLAT_CRASH, UK_CRASH_STATUS);
	}
	if (!bp.nr_ram && memory_map(&bp) < 0) {
		_x86_say("no memory map: neither in the start info nor from XENMEM_memory_map");
		uk_plat_terminate(UK_PLAT_CRASH, UK_CRASH_STATUS);
	}

	if (copy_cmdline(bi, bp.cmdline) < 0) {
		_x86_say_num("command line refused: longer than ",
			     CONFIG_XEN_CMDLINE_MAX - 1,
			     " bytes (CONFIG_XEN_CMDLINE_MAX)");
		stop(XEN_EXIT_USAGE);
	}
	rc = _x86_mem_init(bi, &bp, &free);
	if (rc < 0) {
		_x86_say("the initrd or the command line lies outside RAM");
		stop(XEN_EXIT_USAGE);
	}
	/*
	 * The console ring and the xenstore ring are mapped as RAM (they
	 * are: pages the toolstack shares), not as devices: added to the
	 * RAM ranges only now that the free regions are made, so that no
	 * allocator takes them.
	 */
	shared[0] = _xen_console_page();
	if (uk_xen_hvm_param(HVM_PARAM_STORE_PFN, &pfn) == 0 && pfn &&
	    pfn < (512ULL << 30) >> 12)
		shared[1] = pfn << 12;
	for (i = 0; i < ARRAY_SIZE(shared); i++) {
		if (!shared[i])
			continue;
		if (bp.nr_ram < X86_MAX_RAM_RANGES) {
			bp.ram[bp.nr_ram].start = shared[i];
			bp.ram[bp.nr_ram].end = shared[i] + X86_PAGE_SIZE;
			bp.nr_ram++;
		} else {
			dev[nr_dev++] = shared[i];
		}
	}
	if (_x86_paging_init(bi, &bp, dev, nr_dev) < 0) {
		_x86_say_num("not enough memory: free RAM besides the image: ",
			     free >> 10, " KiB; give the guest more memory");
		stop(XEN_EXIT_USAGE);
	}

	bi->entry_ns = _xen_tsc_to_ns(_x86_entry_tsc);
	if (_xen_events_init() < 0 || _xen_timer_init() < 0) {
		_x86_say("cannot set up event channels or the timer");
		uk_plat_terminate(UK_PLAT_CRASH, UK_CRASH_STATUS);
	}

	/* As on kvm: interrupts on, every port masked until bound. */
	uk_plat_irq_enable();
	uk_boot_entry();
}
