/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The memory-region list of the bootinfo, shared by every platform. The
 * table is fixed-size because it is filled before any allocator exists;
 * a platform that finds more regions than fit loses the extra memory but
 * never boots with a wrong map.
 */
#include <errno.h>
#include <uk/plat/bootinfo.h>

int uk_bootinfo_add_region(struct uk_bootinfo *bi, uintptr_t start,
			   size_t len, enum uk_memregion_type type,
			   const char *name)
{
	struct uk_memregion *r;

	/* An empty region or one that wraps around is a platform bug. */
	if (len == 0 || start + len < start)
		return -EINVAL;
	if (bi->nr_regions >= UK_BOOTINFO_MAX_REGIONS)
		return -ENOSPC;

	r = &bi->regions[bi->nr_regions++];
	r->start = start;
	r->len = len;
	r->type = type;
	r->name = name;
	return 0;
}
