/* SPDX-License-Identifier: BSD-3-Clause */
/* Private to ukblkdev: shared between the API (blkdev.c) and sync_io.c. */
#ifndef UKBLKDEV_INTERNAL_H
#define UKBLKDEV_INTERNAL_H

#include <uk/blkdev.h>

/*
 * 0 when a read or write of @count sectors from @start with @buf fits the
 * disk of @info (bounds, buffer alignment, read-only), else the error the
 * caller gets: -EINVAL, or -EROFS for a write to a read-only disk.
 * Overflow-safe: start + count is never computed.
 */
int _uk_blkdev_xfer_check(const struct uk_blkdev_info *info,
			  enum uk_blkreq_op op, uint64_t start,
			  uint64_t count, const void *buf);

/* Called when a poll found nothing finished: spin or yield. */
void _uk_blkdev_wait(void);

#endif /* UKBLKDEV_INTERNAL_H */
