/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The memory regions of an x86 image: the RAM the loader reported, less
 * what is taken: page 0 (left unmapped, so that NULL dereferences
 * fault), the legacy hole from 640 KiB to 1 MiB (VGA memory, option ROMs,
 * the BIOS: no map should call it RAM, but a wrong one would hurt), the
 * image from its load address to the end of .bss, and the initrd. The
 * rest is free, under 640 KiB as well as above 1 MiB: what the loader
 * left there (the multiboot information, the command line) has been read
 * by then, and the command line copied into the image (cmdline.c).
 * Page tables taken later (_x86_mem_take()) come off the free regions.
 *
 * The loader's RAM ranges are checked first, because a small guest is
 * where firmware maps go wrong: qboot reports 639 KiB of conventional
 * memory whatever the guest has; with less than 1 MiB of RAM its range
 * above 1 MiB has a "negative" length that wraps around, and its
 * multiboot mem_upper is as wrong.
 */
#include <errno.h>
#include <uk/arch/paging.h>
#include <x86/memory.h>
#include <x86/stacks.h>

#define LEGACY_HOLE_START	0xa0000UL
#define LEGACY_HOLE_END		0x100000UL
/* The boot page tables map the first GiB: early allocations stay there. */
#define EARLY_MAPPED_END	(1UL << 30)

#define PROBE_PATTERN		0x4b494c4eU

struct busy {
	uint64_t start, end;
};

/*
 * Does RAM answer at @addr? Writes vanish where there is none and reads
 * give a constant, so a pattern and its complement must both read back.
 * The old contents are put back: the page may hold loader data.
 */
static int ram_at(uintptr_t addr)
{
	volatile uint32_t *p = (volatile uint32_t *)addr;
	uint32_t old = *p;
	int ok;

	*p = PROBE_PATTERN;
	ok = *p == PROBE_PATTERN;
	*p = ~PROBE_PATTERN;
	ok = ok && *p == ~PROBE_PATTERN;
	*p = old;
	return ok;
}

/*
 * The real end of a conventional-memory range [start, end) that may claim
 * more than the guest has. QEMU's RAM is contiguous from 0, so the pages
 * that answer are a prefix; entry.S proved that the image's last page
 * does, so a bisection between the image end and @end finds the end of
 * RAM (8 probes for 640 KiB), never writing into the image or its stacks.
 * Only conventional memory is checked: that is where firmware invents
 * RAM, and the boot page tables map it.
 */
static uint64_t probe_end(uint64_t start, uint64_t end)
{
	uint64_t lo, hi, mid;

	lo = MAX(ALIGN_UP(start, X86_PAGE_SIZE),
		 ALIGN_UP((uintptr_t)_end, X86_PAGE_SIZE));
	end = ALIGN_DOWN(end, X86_PAGE_SIZE);
	if (lo >= end || ram_at(end - sizeof(uint32_t)))
		return end;
	/* Pages under lo answer, pages from hi on do not. */
	hi = end - X86_PAGE_SIZE;
	while (lo < hi) {
		mid = lo + ALIGN_DOWN((hi - lo) / 2, X86_PAGE_SIZE);
		if (ram_at(mid + X86_PAGE_SIZE - sizeof(uint32_t)))
			lo = mid + X86_PAGE_SIZE;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Split a range that runs from conventional memory across the legacy
 * hole into its two parts: Xen's PVH map has one RAM range from 0 to the
 * end of low memory, where QEMU's firmware reports two. The part above
 * the hole goes at the end; with no room left, it is lost (and said).
 */
static void split_legacy(struct x86_bootparams *bp)
{
	unsigned int i, n = bp->nr_ram;

	for (i = 0; i < n; i++) {
		if (bp->ram[i].start >= LEGACY_HOLE_START ||
		    bp->ram[i].end <= LEGACY_HOLE_END)
			continue;
		if (bp->nr_ram == X86_MAX_RAM_RANGES) {
			_x86_say("too many RAM ranges: the RAM above 1 MiB of one is not used");
			continue;
		}
		bp->ram[bp->nr_ram].start = LEGACY_HOLE_END;
		bp->ram[bp->nr_ram].end = bp->ram[i].end;
		bp->nr_ram++;
		bp->ram[i].end = LEGACY_HOLE_START;
	}
}

/*
 * Drop the ranges that wrap around or whose first page does not answer
 * (checked where the boot page tables map it), trim conventional memory
 * to what answers.
 */
static void check_ram(struct x86_bootparams *bp)
{
	unsigned int i, n = 0;

	split_legacy(bp);
	for (i = 0; i < bp->nr_ram; i++) {
		uint64_t start = bp->ram[i].start;
		uint64_t end = bp->ram[i].end;

		if (end <= start)
			continue;
		if (start < LEGACY_HOLE_START)
			end = probe_end(start, MIN(end, LEGACY_HOLE_START));
		else if (start < EARLY_MAPPED_END &&
			 !ram_at(ALIGN_UP(start, X86_PAGE_SIZE)))
			continue;
		if (end <= start)
			continue;
		bp->ram[n].start = start;
		bp->ram[n].end = end;
		n++;
	}
	bp->nr_ram = n;
}

static int in_ram(const struct x86_bootparams *bp, uint64_t start,
		  uint64_t end)
{
	unsigned int i;

	for (i = 0; i < bp->nr_ram; i++)
		if (start >= bp->ram[i].start && end <= bp->ram[i].end)
			return 1;
	return 0;
}

static uint64_t add_free(struct uk_bootinfo *bi, uint64_t start,
			 uint64_t end)
{
	if (end <= start)
		return 0;
	if (uk_bootinfo_add_region(bi, start, end - start, UK_MEMREGION_FREE,
				   "ram") < 0)
		return 0;
	return end - start;
}

int _x86_mem_init(struct uk_bootinfo *bi, struct x86_bootparams *bp,
		  uint64_t *free_bytes)
{
	uint64_t image_start = (uintptr_t)__x86_image_start;
	uint64_t image_end = ALIGN_UP((uintptr_t)_end, X86_PAGE_SIZE);
	struct busy busy[4], tmp;
	unsigned int nr_busy = 0, i, j;
	uint64_t free = 0;

	check_ram(bp);
	/*
	 * A multiboot loader puts the modules right after the image, in
	 * conventional memory: a large one runs into the legacy hole.
	 */
	if (bp->initrd_len &&
	    !in_ram(bp, bp->initrd_start, bp->initrd_start + bp->initrd_len))
		return -EFAULT;
	/*
	 * With RAM that ends right after the image, a multiboot command
	 * line (the page after it) read as empty: say so, not run without
	 * the arguments. (Firmware keeps a PVH one in the legacy hole.)
	 */
	if (bp->cmdline && (uintptr_t)bp->cmdline < LEGACY_HOLE_START &&
	    !in_ram(bp, (uintptr_t)bp->cmdline, (uintptr_t)bp->cmdline + 1))
		return -ENOMEM;

	busy[nr_busy++] = (struct busy){ 0, X86_PAGE_SIZE };
	busy[nr_busy++] = (struct busy){ LEGACY_HOLE_START, LEGACY_HOLE_END };
	busy[nr_busy++] = (struct busy){ image_start, image_end };
	if (bp->initrd_len)
		busy[nr_busy++] = (struct busy){
			ALIGN_DOWN(bp->initrd_start, X86_PAGE_SIZE),
			ALIGN_UP(bp->initrd_start + bp->initrd_len,
				 X86_PAGE_SIZE) };
	/* Sorted by start, for the walk below. */
	for (i = 1; i < nr_busy; i++)
		for (j = i; j > 0 && busy[j].start < busy[j - 1].start; j--) {
			tmp = busy[j];
			busy[j] = busy[j - 1];
			busy[j - 1] = tmp;
		}

	uk_bootinfo_add_region(bi, 0, X86_PAGE_SIZE, UK_MEMREGION_RESERVED,
			       "page 0");
	uk_bootinfo_add_region(bi, LEGACY_HOLE_START,
			       LEGACY_HOLE_END - LEGACY_HOLE_START,
			       UK_MEMREGION_RESERVED, "legacy hole");
	uk_bootinfo_add_region(bi, image_start, image_end - image_start,
			       UK_MEMREGION_KERNEL, "image");
	if (bp->initrd_len)
		uk_bootinfo_add_region(bi, bp->initrd_start, bp->initrd_len,
				       UK_MEMREGION_INITRD, "initrd");
	for (i = 0; i < bp->nr_ram; i++) {
		uint64_t cur = ALIGN_UP(bp->ram[i].start, X86_PAGE_SIZE);
		uint64_t end = ALIGN_DOWN(bp->ram[i].end, X86_PAGE_SIZE);

		for (j = 0; j < nr_busy && cur < end; j++) {
			if (busy[j].end <= cur || busy[j].start >= end)
				continue;
			free += add_free(bi, cur, busy[j].start);
			cur = busy[j].end;	/* > cur: not skipped above */
		}
		if (cur < end)
			free += add_free(bi, cur, end);
	}
	*free_bytes = free;
	return 0;
}

uintptr_t _x86_mem_take(struct uk_bootinfo *bi, unsigned int pages,
			const char *name)
{
	uint64_t need = (uint64_t)pages * X86_PAGE_SIZE;
	unsigned int i;

	for (i = 0; i < bi->nr_regions; i++) {
		struct uk_memregion *r = &bi->regions[i];
		uintptr_t addr = r->start;

		if (r->type != UK_MEMREGION_FREE || r->len < need ||
		    addr + need > EARLY_MAPPED_END)
			continue;
		/*
		 * Record the kernel region first: if the table is full the
		 * pages stay free and the caller hears "no memory", rather
		 * than pages that are both used and free.
		 */
		if (uk_bootinfo_add_region(bi, addr, need, UK_MEMREGION_KERNEL,
					   name) < 0)
			return 0;
		r = &bi->regions[i];
		r->start += need;
		r->len -= need;
		if (!r->len) {
			/* Drop the emptied region: regions are never empty. */
			for (; i + 1 < bi->nr_regions; i++)
				bi->regions[i] = bi->regions[i + 1];
			bi->nr_regions--;
		}
		return addr;
	}
	return 0;
}
