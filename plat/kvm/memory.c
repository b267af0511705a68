/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The memory regions of a kvm image: the RAM the loader reported, less
 * what is taken: the first MiB (firmware data, the loader's structures,
 * VGA memory: reserved wholesale, it is small), the image from its load
 * address to the end of .bss, and the initrd. What remains is free.
 * Page tables taken later (_kvm_mem_take()) come off the free regions.
 */
#include <uk/arch/paging.h>
#include <kvm/setup.h>

#define LOW_MEM_END	(1UL << 20)
/* The boot page tables map the first GiB: early allocations stay there. */
#define EARLY_MAPPED_END (1UL << 30)

extern char __kvm_image_start[], _end[];

struct busy {
	uint64_t start, end;
};

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

uint64_t _kvm_mem_init(struct uk_bootinfo *bi,
		       const struct kvm_bootparams *bp)
{
	uint64_t image_start = (uintptr_t)__kvm_image_start;
	uint64_t image_end = ALIGN_UP((uintptr_t)_end, X86_PAGE_SIZE);
	struct busy busy[3], tmp;
	unsigned int nr_busy = 0, i, j;
	uint64_t free = 0;

	busy[nr_busy++] = (struct busy){ 0, LOW_MEM_END };
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

	uk_bootinfo_add_region(bi, 0, LOW_MEM_END, UK_MEMREGION_RESERVED,
			       "low memory");
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
			if (busy[j].end > cur)
				cur = busy[j].end;
		}
		if (cur < end)
			free += add_free(bi, cur, end);
	}
	return free;
}

uintptr_t _kvm_mem_take(struct uk_bootinfo *bi, unsigned int pages,
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
