/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The default heap: made first thing in the init table from every free
 * memory region of the bootinfo, by the backend chosen in the
 * configuration (CONFIG_LIBUKALLOC_DEFAULT_BACKEND names it; the backend
 * table finds it). An image whose platform reports no usable memory still
 * boots: its allocations fail with ENOMEM.
 */
#include <errno.h>
#include <uk/alloc.h>
#include <uk/init.h>
#include <uk/print.h>
#include <uk/plat/bootinfo.h>

static int alloc_boot_init(void)
{
	struct uk_bootinfo *bi = uk_plat_bootinfo();
	struct uk_alloc *a = NULL;
	struct uk_memregion *r;
	unsigned int i;
	int rc;

	for (i = 0; i < bi->nr_regions; i++) {
		r = &bi->regions[i];
		if (r->type != UK_MEMREGION_FREE)
			continue;
		if (!a) {
			rc = uk_alloc_create(&a,
					     CONFIG_LIBUKALLOC_DEFAULT_BACKEND,
					     (void *)r->start, r->len);
			if (rc == -ENOENT) {
				uk_pr_err("allocator backend \"%s\" is not in the image",
					  CONFIG_LIBUKALLOC_DEFAULT_BACKEND);
				return rc;
			}
		} else {
			rc = uk_alloc_addmem(a, (void *)r->start, r->len);
		}
		if (rc < 0)
			uk_pr_warn("memory region %#lx+%#zx unused: %d",
				   (unsigned long)r->start, r->len, rc);
	}
	if (!a) {
		uk_pr_warn("no free memory region: every allocation will fail");
		return 0;
	}
	uk_alloc_set_default(a);
	return 0;
}

/* First of all: every other init may allocate. */
uk_initcall_class_prio(alloc_boot_init, NULL, UK_INIT_CLASS_EARLY, 0);
