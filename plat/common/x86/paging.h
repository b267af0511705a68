/* SPDX-License-Identifier: BSD-3-Clause */
/* The final page tables (paging.c). */
#ifndef PLAT_X86_PAGING_H
#define PLAT_X86_PAGING_H

#include <uk/arch/paging.h>
#include <uk/plat/bootinfo.h>
#include <x86/boot.h>

/* Entry attributes of device pages and of tables. */
#define X86_ATTR_DEVICE	(X86_PTE_PRESENT | X86_PTE_RW | X86_PTE_NX | \
			 X86_PTE_PCD | X86_PTE_PWT)
#define X86_ATTR_TABLE	(X86_PTE_PRESENT | X86_PTE_RW)

/* The boot page tables of the first GiB (entry.S). */
extern uint64_t _x86_pt_pml4[X86_PT_ENTRIES];
extern uint64_t _x86_pt_pdpt[X86_PT_ENTRIES];
extern uint64_t _x86_pt_pd0[X86_PT_ENTRIES];

/*
 * Final page tables: RAM of @bp, the image with its permissions, the
 * guard pages unmapped, and the @nr_dev pages of @dev_pages (the
 * platform's devices or hypervisor pages) mapped read-write and uncached;
 * 0 or -ENOMEM.
 */
int _x86_paging_init(struct uk_bootinfo *bi, const struct x86_bootparams *bp,
		     const uint64_t *dev_pages, unsigned int nr_dev);
/* ~0, or ~NX on a CPU without NX (where the bit is reserved). */
uint64_t _x86_pte_nx_mask(void);

#endif /* PLAT_X86_PAGING_H */
