/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The boot path an x86 hypervisor platform (kvm, xen) shares: entry.S
 * takes a multiboot or PVH entry to long mode and calls the platform's
 * _x86_entry64(); the loader's information becomes an x86_bootparams,
 * which memory.c and paging.c turn into the bootinfo and the page tables.
 */
#ifndef PLAT_X86_BOOT_H
#define PLAT_X86_BOOT_H

/* Boot protocols, as entry.S passes them to _x86_entry64(). */
#define X86_BOOT_MULTIBOOT	1
#define X86_BOOT_PVH		2

#ifndef __ASSEMBLY__
#include <uk/essentials.h>
#include <uk/plat/bootinfo.h>

/* What a boot protocol tells us, before it becomes the bootinfo. */
#define X86_MAX_RAM_RANGES 16

struct x86_bootparams {
	int protocol;
	unsigned int nr_ram;
	struct {
		uint64_t start, end;
	} ram[X86_MAX_RAM_RANGES];
	/* The loader's command line (not copied yet), or NULL. */
	const char *cmdline;
	uint64_t initrd_start, initrd_len;	/* len 0: none */
};

/*
 * The platform's C entry, called by entry.S in long mode on the boot
 * stack with the protocol, the loader's information and (multiboot) the
 * magic.
 */
void _x86_entry64(int protocol, uintptr_t info, uint32_t magic) __noreturn;

/* TSC at the first instruction of the entry code (entry.S). */
extern uint64_t _x86_entry_tsc;

/* The image's bounds and segments (link.lds). */
extern char __x86_image_start[], __x86_text_end[], __x86_rodata_end[];
extern char _end[];

/*
 * PVH start information (pvh.c): RAM ranges (version >= 1), command
 * line, first module as the initrd; 0 or -EINVAL (no start info magic).
 */
int _x86_pvh_parse(uintptr_t info, struct x86_bootparams *bp);

/*
 * Print a boot message on the console, prefixed with the platform's name
 * (say.c); usable before anything else is set up.
 */
void _x86_say(const char *msg);
void _x86_say_num(const char *msg, unsigned long num, const char *unit);

/* Why a page fault happened, for the crash screen (fault.c). */
void _x86_fault_describe_init(void);
#endif /* !__ASSEMBLY__ */

#endif /* PLAT_X86_BOOT_H */
