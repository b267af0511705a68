/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Multiboot (v1) information: the memory map (or, from older loaders,
 * only mem_lower/mem_upper), the command line and the first module as
 * the initrd. A loader puts the kernel's own file name first on the
 * command line (QEMU: "IMAGE ARGS"), so the first word is dropped.
 */
#include <errno.h>
#include <kvm/setup.h>

#define MB_BOOT_MAGIC	0x2badb002

#define MBI_MEM		(1U << 0)
#define MBI_CMDLINE	(1U << 2)
#define MBI_MODS	(1U << 3)
#define MBI_MMAP	(1U << 6)

#define MB_MMAP_RAM	1

struct mb_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper;	/* KiB */
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
} __packed;

struct mb_mmap {
	uint32_t size;			/* of the rest of the entry */
	uint64_t addr, len;
	uint32_t type;
} __packed;

struct mb_mod {
	uint32_t start, end, string, reserved;
} __packed;

static void add_ram(struct x86_bootparams *bp, uint64_t start, uint64_t len)
{
	if (!len || bp->nr_ram >= X86_MAX_RAM_RANGES)
		return;
	bp->ram[bp->nr_ram].start = start;
	bp->ram[bp->nr_ram].end = start + len;
	bp->nr_ram++;
}

static const char *skip_first_word(const char *s)
{
	while (*s == ' ')
		s++;
	while (*s && *s != ' ')
		s++;
	while (*s == ' ')
		s++;
	return s;
}

int _kvm_multiboot_parse(uint32_t magic, uintptr_t info,
			 struct x86_bootparams *bp)
{
	const struct mb_info *mbi = (const struct mb_info *)info;

	if (magic != MB_BOOT_MAGIC || !info)
		return -EINVAL;

	if (mbi->flags & MBI_MMAP) {
		uintptr_t p = mbi->mmap_addr;
		uintptr_t end = p + mbi->mmap_length;

		while (p + sizeof(struct mb_mmap) <= end) {
			const struct mb_mmap *e = (const struct mb_mmap *)p;

			if (e->type == MB_MMAP_RAM)
				add_ram(bp, e->addr, e->len);
			p += e->size + sizeof(e->size);
		}
	}
	/*
	 * Older loaders give only the two sizes; qboot gives an empty map
	 * when the guest has no RAM where it keeps its own copy (about
	 * 900 KiB): memory.c checks what these sizes claim.
	 */
	if (!bp->nr_ram && (mbi->flags & MBI_MEM)) {
		add_ram(bp, 0, (uint64_t)mbi->mem_lower << 10);
		add_ram(bp, 1 << 20, (uint64_t)mbi->mem_upper << 10);
	}

	if (mbi->flags & MBI_CMDLINE)
		bp->cmdline = skip_first_word((const char *)(uintptr_t)
					      mbi->cmdline);

	if ((mbi->flags & MBI_MODS) && mbi->mods_count) {
		const struct mb_mod *m =
			(const struct mb_mod *)(uintptr_t)mbi->mods_addr;

		if (m->end > m->start) {
			bp->initrd_start = m->start;
			bp->initrd_len = m->end - m->start;
		}
	}
	return 0;
}
