/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Device memory mapped at run time (uk_plat_mmio_map), separate from the
 * boot-time tables of paging.c: drivers find their registers (PCI BARs,
 * virtio-mmio windows) only after boot, anywhere below 512 GiB. Pages
 * are identity-mapped uncached. The page tables this needs come from a
 * small reserve taken at boot (_kvm_mmio_init), before the allocators
 * own the free memory: MMIO_TABLES pages cover a few GiB-sized and
 * 2 MiB-sized neighbourhoods of devices, which is what QEMU's machines
 * have; running out is -ENOMEM, never a crash.
 */
#include <errno.h>
#include <uk/arch/cpu.h>
#include <uk/arch/paging.h>
#include <uk/plat/irq.h>
#include <uk/plat/mmio.h>
#include <x86/memory.h>
#include <x86/paging.h>
#include <kvm/setup.h>

extern uint64_t _x86_pt_pdpt[X86_PT_ENTRIES];

#define MMIO_TABLES	8
#define MAP_LIMIT	(512ULL << 30)

static struct {
	uint64_t *pool;		/* MMIO_TABLES pages, or NULL */
	unsigned int used;
	uint64_t nx_mask;	/* ~0, or ~NX when the CPU has no NX */
	const struct uk_bootinfo *bi;
} mm;

int _kvm_mmio_init(struct uk_bootinfo *bi)
{
	mm.nx_mask = _x86_pte_nx_mask();
	mm.bi = bi;
	mm.pool = (uint64_t *)_x86_mem_take(bi, MMIO_TABLES,
					    "device page tables");
	return mm.pool ? 0 : -ENOMEM;
}

static uint64_t *new_table(void)
{
	uint64_t *t;
	unsigned int i;

	if (!mm.pool || mm.used == MMIO_TABLES)
		return NULL;
	t = mm.pool + mm.used++ * X86_PT_ENTRIES;
	for (i = 0; i < X86_PT_ENTRIES; i++)
		t[i] = 0;
	return t;
}

/*
 * Into *@t the table under @entry, made when absent; returns 0, 1 when a
 * large device page already maps it all, -EINVAL on a large page of
 * memory, -ENOMEM when the reserve is used up.
 */
static int lower(uint64_t *entry, uint64_t **t)
{
	if (!(*entry & X86_PTE_PRESENT)) {
		*t = new_table();
		if (!*t)
			return -ENOMEM;
		*entry = (uintptr_t)*t | X86_ATTR_TABLE;
		return 0;
	}
	if (*entry & X86_PTE_PS)
		return (*entry & X86_PTE_PCD) ? 1 : -EINVAL;
	*t = (uint64_t *)(uintptr_t)(*entry & X86_PTE_ADDR_MASK);
	return 0;
}

static int map_page(uint64_t a)
{
	uint64_t *pd, *pt, *pte;
	int rc;

	rc = lower(&_x86_pt_pdpt[(a >> 30) & 511], &pd);
	if (rc)
		return rc < 0 ? rc : 0;
	rc = lower(&pd[(a >> 21) & 511], &pt);
	if (rc)
		return rc < 0 ? rc : 0;
	pte = &pt[(a >> 12) & 511];
	if ((*pte & X86_PTE_PRESENT) && !(*pte & X86_PTE_PCD))
		return -EINVAL;
	*pte = a | (X86_ATTR_DEVICE & mm.nx_mask);
	invlpg(a);
	return 0;
}

/* [start, end) touches memory the bootinfo lists (RAM, image, initrd). */
static int overlaps_memory(uint64_t start, uint64_t end)
{
	unsigned int i;

	for (i = 0; i < mm.bi->nr_regions; i++) {
		const struct uk_memregion *r = &mm.bi->regions[i];

		if (r->type == UK_MEMREGION_RESERVED)
			continue;
		if (start < r->start + r->len && r->start < end)
			return 1;
	}
	return 0;
}

int uk_plat_mmio_map(uint64_t paddr, size_t len)
{
	uint64_t start, end, a;
	unsigned long flags;
	int rc = 0;

	if (!len || paddr + len < paddr || paddr + len > MAP_LIMIT)
		return -EINVAL;
	if (!mm.bi)
		return -ENOMEM;
	start = ALIGN_DOWN(paddr, X86_PAGE_SIZE);
	end = ALIGN_UP(paddr + len, X86_PAGE_SIZE);
	if (overlaps_memory(start, end))
		return -EINVAL;
	flags = uk_plat_irq_save();
	for (a = start; a < end && !rc; a += X86_PAGE_SIZE)
		rc = map_page(a);
	uk_plat_irq_restore(flags);
	return rc;
}
