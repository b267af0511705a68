/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PVH start information (the hvm_start_info structure of Xen's public
 * headers, redefined here from its documented layout): the command line,
 * the module list (first module: the initrd) and, from version 1 on, the
 * E820-style memory map.
 */
#include <errno.h>
#include <x86/boot.h>

#define HVM_START_MAGIC		0x336ec578
#define HVM_MEMMAP_RAM		1

struct hvm_start_info {
	uint32_t magic;
	uint32_t version;
	uint32_t flags;
	uint32_t nr_modules;
	uint64_t modlist_paddr;
	uint64_t cmdline_paddr;
	uint64_t rsdp_paddr;
	/* version >= 1 */
	uint64_t memmap_paddr;
	uint32_t memmap_entries;
	uint32_t reserved;
} __packed;

struct hvm_modlist_entry {
	uint64_t paddr, size, cmdline_paddr, reserved;
} __packed;

struct hvm_memmap_entry {
	uint64_t addr, size;
	uint32_t type, reserved;
} __packed;

int _x86_pvh_parse(uintptr_t info, struct x86_bootparams *bp)
{
	const struct hvm_start_info *si = (const struct hvm_start_info *)info;
	uint32_t i;

	if (!info || si->magic != HVM_START_MAGIC)
		return -EINVAL;

	if (si->version >= 1 && si->memmap_paddr) {
		const struct hvm_memmap_entry *e =
			(const struct hvm_memmap_entry *)(uintptr_t)
			si->memmap_paddr;

		for (i = 0; i < si->memmap_entries; i++) {
			if (e[i].type != HVM_MEMMAP_RAM || !e[i].size)
				continue;
			if (bp->nr_ram >= X86_MAX_RAM_RANGES)
				break;
			bp->ram[bp->nr_ram].start = e[i].addr;
			bp->ram[bp->nr_ram].end = e[i].addr + e[i].size;
			bp->nr_ram++;
		}
	}

	if (si->cmdline_paddr)
		bp->cmdline = (const char *)(uintptr_t)si->cmdline_paddr;

	if (si->nr_modules && si->modlist_paddr) {
		const struct hvm_modlist_entry *m =
			(const struct hvm_modlist_entry *)(uintptr_t)
			si->modlist_paddr;

		if (m->size) {
			bp->initrd_start = m->paddr;
			bp->initrd_len = m->size;
		}
	}
	return 0;
}
