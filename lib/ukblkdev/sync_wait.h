/* SPDX-License-Identifier: BSD-3-Clause */
/* Private to ukblkdev: how uk_blkdev_sync_io() lets time pass. */
#ifndef UKBLKDEV_SYNC_WAIT_H
#define UKBLKDEV_SYNC_WAIT_H

/* Called when a poll found nothing finished: spin or yield. */
void _uk_blkdev_wait(void);

#endif /* UKBLKDEV_SYNC_WAIT_H */
