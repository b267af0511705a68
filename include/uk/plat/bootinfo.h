/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The boot information every platform hands to ukboot: whatever the boot
 * protocol (a Linux process' argv, multiboot, PVH start info), the rest of
 * Kiln sees one command line and one list of memory regions.
 */
#ifndef UK_PLAT_BOOTINFO_H
#define UK_PLAT_BOOTINFO_H

#include <uk/essentials.h>

enum uk_memregion_type {
	UK_MEMREGION_FREE = 1,	/* usable by allocators */
	UK_MEMREGION_KERNEL,	/* the image itself */
	UK_MEMREGION_INITRD,	/* the initial ramdisk, if any */
	UK_MEMREGION_RESERVED,	/* firmware, devices: never touch */
};

struct uk_memregion {
	uintptr_t start;
	size_t len;
	enum uk_memregion_type type;
	const char *name;	/* short description for logs, may be NULL */
};

#define UK_BOOTINFO_MAX_REGIONS 32

/*
 * Devices the loader described because no bus can find them: QEMU's
 * microvm names its virtio-mmio windows on the kernel command line
 * (virtio_mmio.device=<size>@<base>:<irq>), which the platform takes out
 * before the application sees the command line.
 */
enum uk_bootdev_type {
	UK_BOOTDEV_VIRTIO_MMIO = 1,
};

struct uk_bootdev {
	enum uk_bootdev_type type;
	uint64_t base, len;	/* register window */
	unsigned int irq;	/* interrupt line (uk_plat_irq_register) */
};

#define UK_BOOTINFO_MAX_DEVICES 16

struct uk_bootinfo {
	/*
	 * NUL-terminated command line, writable: parsers split it in place.
	 * Kernel arguments come before a "--" token, application arguments
	 * after it; without "--" every argument belongs to the application.
	 */
	char *cmdline;
	/*
	 * Arguments the platform received already split (linuxu: the host's
	 * argv, after the platform's own options): @argc strings in @argv,
	 * which stay valid and are used as they are, without being joined
	 * and split again. ukboot takes @argv when it is not NULL, else it
	 * splits @cmdline. The same "--" rule applies.
	 */
	int argc;
	char **argv;
	unsigned int nr_regions;
	struct uk_memregion regions[UK_BOOTINFO_MAX_REGIONS];
	/* Monotonic time (uk_plat_monotonic_ns()) at the platform's entry. */
	__nsec entry_ns;
	unsigned int nr_devices;
	struct uk_bootdev devices[UK_BOOTINFO_MAX_DEVICES];
};

/* The platform's boot information; valid from the call to uk_boot_entry(). */
struct uk_bootinfo *uk_plat_bootinfo(void);

/*
 * Append a region; returns 0, -EINVAL for an empty region or one that wraps
 * around the address space, or -ENOSPC when the table is full (the region
 * is then ignored, which loses memory but is never unsafe).
 */
int uk_bootinfo_add_region(struct uk_bootinfo *bi, uintptr_t start,
			   size_t len, enum uk_memregion_type type,
			   const char *name);

#endif /* UK_PLAT_BOOTINFO_H */
