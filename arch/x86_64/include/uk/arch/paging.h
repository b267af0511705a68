/* SPDX-License-Identifier: BSD-3-Clause */
/* x86-64 4-level page-table entries. */
#ifndef UK_ARCH_PAGING_H
#define UK_ARCH_PAGING_H

#define X86_PAGE_SHIFT		12
#define X86_PAGE_SIZE		(1UL << X86_PAGE_SHIFT)
#define X86_LARGE_PAGE_SIZE	(1UL << 21)	/* 2 MiB, in a PD */
#define X86_HUGE_PAGE_SIZE	(1UL << 30)	/* 1 GiB, in a PDPT */
#define X86_PT_ENTRIES		512

#define X86_PTE_PRESENT		(1UL << 0)
#define X86_PTE_RW		(1UL << 1)
#define X86_PTE_USER		(1UL << 2)
#define X86_PTE_PWT		(1UL << 3)
#define X86_PTE_PCD		(1UL << 4)
#define X86_PTE_PS		(1UL << 7)	/* large page, PD/PDPT */
#define X86_PTE_NX		(1UL << 63)
#define X86_PTE_ADDR_MASK	0x000ffffffffff000UL

/* Index of @va in the table at level 4 (PML4) .. 1 (PT). */
#define X86_PT_INDEX(va, level) \
	(((va) >> (X86_PAGE_SHIFT + 9 * ((level) - 1))) & 511)

#endif /* UK_ARCH_PAGING_H */
