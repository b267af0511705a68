/* SPDX-License-Identifier: BSD-3-Clause */
/* blkcheck's shared state and helpers (main.c), and its modes. */
#ifndef BLKCHECK_H
#define BLKCHECK_H

#include <stdint.h>
#include <uk/blkdev.h>

struct blkcheck {
	struct uk_blkdev *dev;
	struct uk_blkdev_info info;
	uint64_t start, count;	/* the range, in device sectors */
	uint64_t seed;
	uint64_t chunk;		/* sectors per uk_blkdev_sync_io() */
	uint64_t mib;		/* bench: MiB to read */
	volatile unsigned int events;	/* queue callbacks (interrupts) */
};

/* Print "blkcheck: FAIL: ..." and return 1 (the exit status). */
int bc_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "-EINVAL" etc. for the codes the block API returns. */
const char *bc_errname(int err);

/* A buffer of @len bytes meeting the device's alignment, or NULL. */
void *bc_alloc(const struct blkcheck *bc, uint64_t len);

/* 512-byte pattern units per device sector. */
static inline uint64_t bc_ups(const struct blkcheck *bc)
{
	return bc->info.ssize / 512;
}

/*
 * Read the range back chunk by chunk and check the pattern; 0, or 1
 * after naming the first bad sector.
 */
int bc_verify(struct blkcheck *bc);

/* The interrupt path (or -ENOTSUP without one); 0 or 1 (reported). */
int bc_intr_test(struct blkcheck *bc);

int bc_mode_check(struct blkcheck *bc);
int bc_mode_readonly(struct blkcheck *bc);
int bc_mode_bench(struct blkcheck *bc);

#endif /* BLKCHECK_H */
