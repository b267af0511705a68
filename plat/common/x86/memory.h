/* SPDX-License-Identifier: BSD-3-Clause */
/* The memory regions of the bootinfo (memory.c). */
#ifndef PLAT_X86_MEMORY_H
#define PLAT_X86_MEMORY_H

#include <uk/plat/bootinfo.h>
#include <x86/boot.h>

/*
 * Memory regions of the bootinfo from the RAM ranges, minus page 0, the
 * legacy hole (640 KiB-1 MiB), the image and the initrd. The RAM ranges
 * of @bp are checked first: those that wrap around dropped, conventional
 * memory trimmed to what answers. Sets *@free_bytes; 0, -EFAULT when the
 * initrd does not lie in RAM, -ENOMEM when the loader's command line
 * does not.
 */
int _x86_mem_init(struct uk_bootinfo *bi, struct x86_bootparams *bp,
		  uint64_t *free_bytes);
/*
 * Take @pages pages from the free regions of @bi (below 1 GiB, which the
 * boot page tables map), recording them as a kernel region @name.
 * Returns the address or 0 when no region has room.
 */
uintptr_t _x86_mem_take(struct uk_bootinfo *bi, unsigned int pages,
			const char *name);

#endif /* PLAT_X86_MEMORY_H */
