/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukblkdev: the block device API; drivers implement
 * uk/blkdev_driver.h. Requests are asynchronous: the caller owns a
 * struct uk_blkreq, submits it to a queue and learns of its completion
 * through its callback (from uk_blkdev_queue_finish_reqs(), which the
 * caller runs when the queue's interrupt callback fires, or polls).
 * uk_blkdev_sync_io() is the synchronous helper on top.
 *
 * Life of a device, each step valid only after the previous one:
 *   uk_blkdev_count() / uk_blkdev_get(i)
 *   uk_blkdev_info_get()          capacity, sector size, limits
 *   uk_blkdev_configure()         number of queues
 *   uk_blkdev_queue_configure()   each queue
 *   uk_blkdev_start()
 * A call out of order returns -EINVAL and changes nothing.
 * A queue has one user at a time (no locking inside).
 */
#ifndef UK_BLKDEV_H
#define UK_BLKDEV_H

#include <uk/essentials.h>

struct uk_alloc;
struct uk_blkdev;
struct uk_blkreq;

enum uk_blkreq_op {
	UK_BLKREQ_READ = 0,
	UK_BLKREQ_WRITE,
	UK_BLKREQ_FLUSH,	/* everything written so far is durable */
};

/* Completion callback, with req->result set; may resubmit or free req. */
typedef void (*uk_blkreq_event_t)(struct uk_blkreq *req, void *cookie);

struct uk_blkreq {
	/* Filled by the caller. */
	enum uk_blkreq_op op;
	uint64_t start_sector;	/* in units of info.ssize */
	uint64_t nb_sectors;	/* 0 for FLUSH */
	void *buf;		/* nb_sectors * ssize bytes, info.ioalign */
	uk_blkreq_event_t cb;	/* may be NULL: poll state instead */
	void *cb_cookie;
	/* Filled by the library and the driver. */
	volatile int finished;	/* 1 once result is valid */
	int result;		/* 0, -EIO, -EROFS, -EINVAL, -ENOTSUP */
	void *drv_priv;		/* the driver's, while in flight */
};

#define UK_BLKDEV_F_READONLY	0x1
#define UK_BLKDEV_F_FLUSH	0x2	/* has a write cache to flush */
#define UK_BLKDEV_F_QUEUE_INTR	0x4	/* queues can interrupt */

struct uk_blkdev_info {
	uint64_t sectors;		/* capacity */
	uint32_t ssize;			/* sector size in bytes */
	uint32_t max_sectors_per_req;	/* larger requests: -EINVAL */
	uint16_t max_queues;
	uint16_t ioalign;		/* buffer alignment (power of two) */
	uint32_t flags;			/* UK_BLKDEV_F_* */
};

struct uk_blkdev_conf {
	uint16_t nb_queues;
};

/* Queue event callback, in interrupt context: keep it short. */
typedef void (*uk_blkdev_queue_event_t)(struct uk_blkdev *dev,
					uint16_t queue_id, void *cookie);

struct uk_blkdev_queue_conf {
	struct uk_alloc *a;		/* for the driver's ring state
				 * (NULL: the default heap) */
	uk_blkdev_queue_event_t callback; /* NULL: polling only */
	void *callback_cookie;
};

struct uk_blkdev_stats {
	uint64_t reads, writes, flushes;	/* requests completed */
	uint64_t read_bytes, write_bytes;
	uint64_t errors;	/* completed with a negative result */
	/* completions the device reported that did not match a request
	 * in flight (bad id, bad length): ignored and counted */
	uint64_t bad_completions;
};

unsigned int uk_blkdev_count(void);
struct uk_blkdev *uk_blkdev_get(unsigned int id);
unsigned int uk_blkdev_id(const struct uk_blkdev *dev);
const char *uk_blkdev_drv_name(const struct uk_blkdev *dev);

void uk_blkdev_info_get(struct uk_blkdev *dev, struct uk_blkdev_info *info);
int uk_blkdev_configure(struct uk_blkdev *dev,
			const struct uk_blkdev_conf *conf);
/* @nb_desc: ring size (0: the driver's default). 0 or -errno. */
int uk_blkdev_queue_configure(struct uk_blkdev *dev, uint16_t queue_id,
			      uint16_t nb_desc,
			      const struct uk_blkdev_queue_conf *conf);
int uk_blkdev_start(struct uk_blkdev *dev);

/*
 * Submit @req. Returns 0 when queued (its callback follows), -EBUSY when
 * the queue is full (finish some requests, then retry), -EINVAL for a
 * request outside the disk, too large, misaligned or for a bad queue
 * (req untouched), -EROFS for a write to a read-only disk.
 */
int uk_blkdev_queue_submit_one(struct uk_blkdev *dev, uint16_t queue_id,
			       struct uk_blkreq *req);

/*
 * Complete the requests the device has finished on the queue: set
 * their result, mark them finished and call their callbacks. Returns the
 * number completed (>= 0) or -EINVAL.
 */
int uk_blkdev_queue_finish_reqs(struct uk_blkdev *dev, uint16_t queue_id);

/* As for uknetdev: enable returns 1 when completions already wait. */
int uk_blkdev_queue_intr_enable(struct uk_blkdev *dev, uint16_t queue_id);
int uk_blkdev_queue_intr_disable(struct uk_blkdev *dev, uint16_t queue_id);

void uk_blkdev_stats_get(struct uk_blkdev *dev,
			 struct uk_blkdev_stats *stats);

/*
 * Synchronous I/O of any size: splits the transfer into requests of at
 * most max_sectors_per_req, keeps as many in flight as the queue holds,
 * and waits for all of them by polling the queue (uk_blkdev_queue_
 * finish_reqs), yielding to other threads between polls when a
 * scheduler is linked. Returns 0 or the first error. @buf must meet
 * info.ioalign; @queue_id must be configured, started and not used
 * concurrently.
 */
int uk_blkdev_sync_io(struct uk_blkdev *dev, uint16_t queue_id,
		      enum uk_blkreq_op op, uint64_t start_sector,
		      uint64_t nb_sectors, void *buf);

#endif /* UK_BLKDEV_H */
