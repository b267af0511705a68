/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukblkdev for drivers: the operations a block driver implements and how
 * it registers a device. Users include uk/blkdev.h only.
 *
 * The library checks preconditions (state order, queue ids, request
 * bounds against the capacity and max_sectors_per_req, alignment, writes
 * to a read-only disk) before calling an op, so ops may assume them.
 */
#ifndef UK_BLKDEV_DRIVER_H
#define UK_BLKDEV_DRIVER_H

#include <uk/blkdev.h>

struct uk_blkdev_ops {
	void (*info_get)(struct uk_blkdev *dev, struct uk_blkdev_info *info);
	/*
	 * configure, queue_configure and start are optional: NULL means the
	 * driver has nothing to do at that step (success).
	 */
	int (*configure)(struct uk_blkdev *dev,
			 const struct uk_blkdev_conf *conf);
	int (*queue_configure)(struct uk_blkdev *dev, uint16_t queue_id,
			       uint16_t nb_desc,
			       const struct uk_blkdev_queue_conf *conf);
	int (*start)(struct uk_blkdev *dev);
	/* 0 queued, -EBUSY queue full. */
	int (*submit_one)(struct uk_blkdev *dev, uint16_t queue_id,
			  struct uk_blkreq *req);
	/*
	 * Collect finished requests: for each, set req->result and call
	 * uk_blkdev_req_done(). Returns the number collected.
	 */
	int (*finish_reqs)(struct uk_blkdev *dev, uint16_t queue_id);
	/* Optional: -ENOTSUP without them. */
	int (*queue_intr_enable)(struct uk_blkdev *dev, uint16_t queue_id);
	int (*queue_intr_disable)(struct uk_blkdev *dev, uint16_t queue_id);
};

enum uk_blkdev_state {
	UK_BLKDEV_UNCONFIGURED = 0,
	UK_BLKDEV_CONFIGURED,
	UK_BLKDEV_RUNNING,
};

#define UK_BLKDEV_MAX_QUEUES 16

struct uk_blkdev {
	/* Set by the driver before uk_blkdev_register(). */
	const struct uk_blkdev_ops *ops;
	const char *drv_name;
	/* Owned by the library. */
	unsigned int id;
	enum uk_blkdev_state state;
	struct uk_blkdev_info info;	/* read once at registration */
	struct uk_blkdev_conf conf;
	uint32_t queue_ready;		/* bit per configured queue */
	struct {
		uk_blkdev_queue_event_t callback;
		void *cookie;
	} queue_event[UK_BLKDEV_MAX_QUEUES];
	struct uk_blkdev_stats stats;	/* bad_completions: the driver's */
};

/*
 * Add @dev to the device list (see uk_netdev_register): reads its info
 * once. 0, -ENOMEM, or -EINVAL when the info is unusable (sector size not
 * a power of two >= 512, no queue, max_sectors_per_req 0, ioalign not a
 * power of two, capacity overflowing 64-bit bytes): device input is not
 * trusted. max_queues above UK_BLKDEV_MAX_QUEUES is clamped.
 */
int uk_blkdev_register(struct uk_blkdev *dev);

/* From finish_reqs: account @req (result set) and call its callback. */
void uk_blkdev_req_done(struct uk_blkdev *dev, struct uk_blkreq *req);

/* From the driver's interrupt handler: call the queue's callback. */
void uk_blkdev_queue_event(struct uk_blkdev *dev, uint16_t queue_id);

#endif /* UK_BLKDEV_DRIVER_H */
