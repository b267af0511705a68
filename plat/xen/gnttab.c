/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Grant tables, version 1: the frames of the guest's grant table are
 * mapped over pages of the image's .bss (XENMEM_add_to_physmap,
 * XENMAPSPACE_grant_table) on first use, at most XEN_GNTTAB_FRAMES of
 * them, or fewer if Xen allows fewer. The first GNTTAB_NR_RESERVED_
 * ENTRIES references belong to the toolstack (console, xenstore); the
 * others are handed out from a free list.
 *
 * Granting fills domid and frame before the flags that make the entry
 * valid; ending a grant clears the flags with a compare-and-exchange
 * that fails while the other domain still has the frame mapped
 * (GTF_reading/GTF_writing), so a page is never reused under a backend.
 */
#include <errno.h>
#include <uk/plat/irq.h>
#include <uk/plat/xen/xen.h>
#include <xen/grant_table.h>
#include <xen/memory.h>
#include "hypercall.h"

#define ENTRIES_PER_FRAME	(4096 / sizeof(struct grant_entry_v1))
#define MAX_REFS		(XEN_GNTTAB_FRAMES * ENTRIES_PER_FRAME)
#define REF_END			0xffffffffU

static union {
	struct grant_entry_v1 e[MAX_REFS];
	char pages[XEN_GNTTAB_FRAMES][4096];
} table __aligned(4096);

static struct {
	int state;		/* 0: not set up, 1: ready, < 0: failed */
	unsigned int nr_refs;
	unsigned int nr_free;
	uint32_t free_head;
	uint32_t next[MAX_REFS];
} gt;

static int setup(void)
{
	struct gnttab_query_size q = { .dom = DOMID_SELF };
	struct xen_add_to_physmap map = {
		.domid = DOMID_SELF,
		.space = XENMAPSPACE_grant_table,
	};
	unsigned int frames, i;
	long rc;

	rc = _xen_hc3(__HYPERVISOR_grant_table_op, GNTTABOP_query_size, &q, 1);
	if (rc < 0 || q.status != GNTST_okay)
		return -ENODEV;
	frames = q.max_nr_frames < XEN_GNTTAB_FRAMES ? q.max_nr_frames :
						       XEN_GNTTAB_FRAMES;
	for (i = 0; i < frames; i++) {
		map.idx = i;
		map.gpfn = (uintptr_t)table.pages[i] >> 12;
		rc = _xen_hc2(__HYPERVISOR_memory_op, XENMEM_add_to_physmap,
			      &map);
		if (rc < 0)
			break;
	}
	if (i <= GNTTAB_NR_RESERVED_ENTRIES / ENTRIES_PER_FRAME)
		return -ENODEV;
	gt.nr_refs = i * ENTRIES_PER_FRAME;
	gt.free_head = REF_END;
	for (i = gt.nr_refs; i-- > GNTTAB_NR_RESERVED_ENTRIES;) {
		gt.next[i] = gt.free_head;
		gt.free_head = i;
		gt.nr_free++;
	}
	return 1;
}

int uk_xen_gnttab_grant(uint16_t domid, uint64_t gfn, int readonly)
{
	unsigned long flags;
	uint32_t ref;

	if (gfn > 0xffffffffULL)
		return -EINVAL;	/* v1 frames are 32 bits */
	flags = uk_plat_irq_save();
	if (!gt.state)
		gt.state = setup();
	if (gt.state < 0) {
		uk_plat_irq_restore(flags);
		return gt.state;
	}
	ref = gt.free_head;
	if (ref == REF_END) {
		uk_plat_irq_restore(flags);
		return -ENOSPC;
	}
	gt.free_head = gt.next[ref];
	gt.nr_free--;
	uk_plat_irq_restore(flags);

	table.e[ref].domid = domid;
	table.e[ref].frame = (uint32_t)gfn;
	__atomic_store_n(&table.e[ref].flags,
			 GTF_permit_access | (readonly ? GTF_readonly : 0),
			 __ATOMIC_RELEASE);
	return (int)ref;
}

int uk_xen_gnttab_end(unsigned int ref)
{
	uint16_t old;
	unsigned long flags;

	if (gt.state != 1 || ref < GNTTAB_NR_RESERVED_ENTRIES ||
	    ref >= gt.nr_refs)
		return -EINVAL;
	old = __atomic_load_n(&table.e[ref].flags, __ATOMIC_ACQUIRE);
	do {
		if (!(old & GTF_permit_access))
			return -EINVAL;	/* not granted */
		if (old & (GTF_reading | GTF_writing))
			return -EBUSY;
	} while (!__atomic_compare_exchange_n(&table.e[ref].flags, &old, 0,
					      0, __ATOMIC_SEQ_CST,
					      __ATOMIC_ACQUIRE));
	flags = uk_plat_irq_save();
	gt.next[ref] = gt.free_head;
	gt.free_head = ref;
	gt.nr_free++;
	uk_plat_irq_restore(flags);
	return 0;
}

unsigned int uk_xen_gnttab_free(void)
{
	return gt.state == 1 ? gt.nr_free : 0;
}
