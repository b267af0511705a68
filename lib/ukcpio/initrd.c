/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The initrd at boot: once vfscore has mounted the root, the archive
 * linked into the image (CONFIG_LIBUKCPIO_EMBED) and then every initrd
 * the platform was given (bootinfo regions of type UK_MEMREGION_INITRD:
 * multiboot or PVH modules on kvm, `-i FILE` on linuxu) are unpacked
 * into CONFIG_LIBUKCPIO_INITRD_DEST, in that order, so that files of a
 * boot-time initrd replace the image's own.
 *
 * Once unpacked, an initrd's pages go to the default heap
 * (CONFIG_LIBUKCPIO_INITRD_FREE), as Linux frees its initramfs: the files
 * live on in the root, the archive is dead weight. Platforms hand the
 * initrd over in writable memory for this (linuxu maps it private).
 *
 * A bad archive is the user's mistake, not a kernel fault: the boot stops
 * with one line naming the archive, the entry and its offset, and exit
 * status 2, like a bad command line or a failed boot mount (through
 * uk_boot_exit(), so the term functions of what was set up run).
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/boot.h>
#include <uk/cpio.h>
#include <uk/init.h>
#include <uk/print.h>
#include <uk/plat/bootinfo.h>

#define INITRD_BAD_STATUS 2

#if CONFIG_LIBUKCPIO_EMBED_ENABLED
/* embed.S: the archive packed at build time. */
extern const char _uk_cpio_embedded_start[], _uk_cpio_embedded_end[];
#endif

static void unpack(const char *what, const void *buf, size_t len)
{
	struct uk_cpio_reader r;
	int rc;

	rc = uk_cpio_extract(buf, len, CONFIG_LIBUKCPIO_INITRD_DEST, &r);
	if (rc < 0) {
		uk_cpio_print_error(what, &r, rc);
		uk_pr_crit("%s: not unpacked: the boot stops", what);
		uk_boot_exit(INITRD_BAD_STATUS);
	}
	uk_pr_info("%s: %zu bytes unpacked into %s", what, len,
		   CONFIG_LIBUKCPIO_INITRD_DEST);
}

#if CONFIG_LIBUKCPIO_INITRD_FREE
/* The whole pages of [@start, @start + @len) to the default heap. */
static void give_back(uintptr_t start, size_t len)
{
	struct uk_alloc *a = uk_alloc_get_default();
	uintptr_t from = ALIGN_UP(start, 4096);
	uintptr_t to = ALIGN_DOWN(start + len, 4096);
	int rc;

	if (!a || to <= from)
		return;
	rc = uk_alloc_addmem(a, (void *)from, to - from);
	if (rc < 0)
		uk_pr_info("initrd: memory not given back to the heap: %d", rc);
	else
		uk_pr_info("initrd: %lu KiB given back to the heap",
			   (unsigned long)(to - from) >> 10);
}
#else
static void give_back(uintptr_t start __unused, size_t len __unused)
{
}
#endif

static int initrd_unpack(void)
{
	struct uk_bootinfo *bi = uk_plat_bootinfo();
	const struct uk_memregion *m;
	unsigned int i;

#if CONFIG_LIBUKCPIO_EMBED_ENABLED
	unpack("embedded initrd", _uk_cpio_embedded_start,
	       _uk_cpio_embedded_end - _uk_cpio_embedded_start);
#endif
	for (i = 0; i < bi->nr_regions; i++) {
		m = &bi->regions[i];
		if (m->type != UK_MEMREGION_INITRD)
			continue;
		unpack("initrd", (const void *)m->start, m->len);
		give_back(m->start, m->len);
	}
	return 0;
}

/* After vfscore's boot mounts (class ROOTFS, priority 0). */
uk_initcall_class_prio(initrd_unpack, NULL, UK_INIT_CLASS_ROOTFS, 5);
