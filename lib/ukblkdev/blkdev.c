/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukblkdev: the device registry, the life-cycle state checks, request
 * validation and the completion path (statistics, callbacks).
 *
 * Everything a caller can get wrong is checked here, once, so that
 * drivers may assume it (uk/blkdev_driver.h): a call out of order, a
 * queue id that is not configured, a request outside the disk, larger
 * than the device takes, with a misaligned buffer, or writing to a
 * read-only disk. A rejected call changes nothing.
 *
 * No locks: devices register before main() (initcalls), and a queue has
 * one user at a time (uk/blkdev.h). Interrupt handlers only reach
 * uk_blkdev_queue_event(), which reads the queue's callback.
 */
#include <errno.h>
#include <uk/alloc.h>
#include <uk/assert.h>
#include <uk/blkdev_driver.h>
#include "blkdev_internal.h"
#include <uk/print.h>

/* The registry: devices in the order they registered, id = index. */
static struct {
	struct uk_blkdev **devs;
	unsigned int nr, cap;
} reg;

static int is_pow2(uint64_t v)
{
	return v && !(v & (v - 1));
}

/*
 * The capacity, sector size and limits come from the device (a virtio
 * config space, a host file): reject what would make the request checks
 * meaningless rather than trust it.
 */
static int info_valid(const struct uk_blkdev_info *info)
{
	return is_pow2(info->ssize) && info->ssize >= 512 &&
	       info->max_sectors_per_req > 0 && info->max_queues > 0 &&
	       is_pow2(info->ioalign) &&
	       info->sectors <= UINT64_MAX / info->ssize;
}

int uk_blkdev_register(struct uk_blkdev *dev)
{
	struct uk_blkdev **devs;
	unsigned int cap;

	UK_ASSERT(dev && dev->ops && dev->ops->info_get &&
		  dev->ops->submit_one && dev->ops->finish_reqs);

	dev->ops->info_get(dev, &dev->info);
	if (!info_valid(&dev->info)) {
		uk_pr_err("blkdev: %s: bad geometry (%llu sectors of %u bytes, "
			  "%u per request, align %u, %u queues): not added\n",
			  dev->drv_name ? dev->drv_name : "?",
			  (unsigned long long)dev->info.sectors,
			  dev->info.ssize, dev->info.max_sectors_per_req,
			  dev->info.ioalign, dev->info.max_queues);
		return -EINVAL;
	}
	if (dev->info.max_queues > UK_BLKDEV_MAX_QUEUES)
		dev->info.max_queues = UK_BLKDEV_MAX_QUEUES;

	if (reg.nr == reg.cap) {
		cap = reg.cap ? 2 * reg.cap : 4;
		devs = uk_realloc(uk_alloc_get_default(), reg.devs,
				  cap * sizeof(*devs));
		if (!devs)
			return -ENOMEM;
		reg.devs = devs;
		reg.cap = cap;
	}
	dev->id = reg.nr;
	dev->state = UK_BLKDEV_UNCONFIGURED;
	dev->conf.nb_queues = 0;
	dev->queue_ready = 0;
	for (unsigned int q = 0; q < UK_BLKDEV_MAX_QUEUES; q++) {
		dev->queue_event[q].callback = NULL;
		dev->queue_event[q].cookie = NULL;
	}
	dev->stats = (struct uk_blkdev_stats){ 0 };
	reg.devs[reg.nr++] = dev;
	uk_pr_info("blkdev%u: %s, %llu sectors of %u bytes%s\n", dev->id,
		   dev->drv_name ? dev->drv_name : "?",
		   (unsigned long long)dev->info.sectors, dev->info.ssize,
		   (dev->info.flags & UK_BLKDEV_F_READONLY) ? ", read-only" :
							      "");
	return 0;
}

unsigned int uk_blkdev_count(void)
{
	return reg.nr;
}

struct uk_blkdev *uk_blkdev_get(unsigned int id)
{
	return id < reg.nr ? reg.devs[id] : NULL;
}

unsigned int uk_blkdev_id(const struct uk_blkdev *dev)
{
	UK_ASSERT(dev);
	return dev->id;
}

const char *uk_blkdev_drv_name(const struct uk_blkdev *dev)
{
	UK_ASSERT(dev);
	return dev->drv_name;
}

void uk_blkdev_info_get(struct uk_blkdev *dev, struct uk_blkdev_info *info)
{
	UK_ASSERT(dev && info);
	*info = dev->info;
}

int uk_blkdev_configure(struct uk_blkdev *dev,
			const struct uk_blkdev_conf *conf)
{
	int ret;

	if (!dev || !conf || dev->state != UK_BLKDEV_UNCONFIGURED)
		return -EINVAL;
	if (conf->nb_queues == 0 || conf->nb_queues > dev->info.max_queues)
		return -EINVAL;
	ret = dev->ops->configure ? dev->ops->configure(dev, conf) : 0;
	if (ret < 0)
		return ret;
	dev->conf = *conf;
	dev->queue_ready = 0;
	dev->state = UK_BLKDEV_CONFIGURED;
	return 0;
}

int uk_blkdev_queue_configure(struct uk_blkdev *dev, uint16_t queue_id,
			      uint16_t nb_desc,
			      const struct uk_blkdev_queue_conf *conf)
{
	struct uk_blkdev_queue_conf c;
	int ret;

	if (!dev || !conf || dev->state != UK_BLKDEV_CONFIGURED)
		return -EINVAL;
	if (queue_id >= dev->conf.nb_queues ||
	    (dev->queue_ready & (1U << queue_id)))
		return -EINVAL;
	/* A NULL heap means the default one: drivers always get a heap. */
	c = *conf;
	if (!c.a)
		c.a = uk_alloc_get_default();
	if (!c.a)
		return -ENOMEM;
	ret = dev->ops->queue_configure ?
	      dev->ops->queue_configure(dev, queue_id, nb_desc, &c) : 0;
	if (ret < 0)
		return ret;
	dev->queue_event[queue_id].callback = c.callback;
	dev->queue_event[queue_id].cookie = c.callback_cookie;
	dev->queue_ready |= 1U << queue_id;
	return 0;
}

int uk_blkdev_start(struct uk_blkdev *dev)
{
	uint32_t all;
	int ret;

	if (!dev || dev->state != UK_BLKDEV_CONFIGURED)
		return -EINVAL;
	all = (1U << dev->conf.nb_queues) - 1;
	if ((dev->queue_ready & all) != all)
		return -EINVAL;
	ret = dev->ops->start ? dev->ops->start(dev) : 0;
	if (ret < 0)
		return ret;
	dev->state = UK_BLKDEV_RUNNING;
	return 0;
}

static int queue_running(const struct uk_blkdev *dev, uint16_t queue_id)
{
	return dev && dev->state == UK_BLKDEV_RUNNING &&
	       queue_id < dev->conf.nb_queues;
}

int _uk_blkdev_xfer_check(const struct uk_blkdev_info *info,
			  enum uk_blkreq_op op, uint64_t start,
			  uint64_t count, const void *buf)
{
	if (start > info->sectors || count > info->sectors - start)
		return -EINVAL;
	if (!buf || ((uintptr_t)buf & (info->ioalign - 1)))
		return -EINVAL;
	if (op == UK_BLKREQ_WRITE && (info->flags & UK_BLKDEV_F_READONLY))
		return -EROFS;
	return 0;
}

/* 0 when @req may go to the driver, else the error the caller gets. */
static int req_check(const struct uk_blkdev *dev, const struct uk_blkreq *req)
{
	const struct uk_blkdev_info *info = &dev->info;

	switch (req->op) {
	case UK_BLKREQ_READ:
	case UK_BLKREQ_WRITE:
		if (req->nb_sectors == 0 ||
		    req->nb_sectors > info->max_sectors_per_req)
			return -EINVAL;
		return _uk_blkdev_xfer_check(info, req->op, req->start_sector,
					     req->nb_sectors, req->buf);
	case UK_BLKREQ_FLUSH:
		return req->nb_sectors == 0 ? 0 : -EINVAL;
	default:
		return -EINVAL;
	}
}

int uk_blkdev_queue_submit_one(struct uk_blkdev *dev, uint16_t queue_id,
			       struct uk_blkreq *req)
{
	int ret;

	if (!queue_running(dev, queue_id) || !req)
		return -EINVAL;
	ret = req_check(dev, req);
	if (ret < 0)
		return ret;
	req->finished = 0;
	req->result = 0;
	req->drv_priv = NULL;
	return dev->ops->submit_one(dev, queue_id, req);
}

int uk_blkdev_queue_finish_reqs(struct uk_blkdev *dev, uint16_t queue_id)
{
	if (!queue_running(dev, queue_id))
		return -EINVAL;
	return dev->ops->finish_reqs(dev, queue_id);
}

void uk_blkdev_req_done(struct uk_blkdev *dev, struct uk_blkreq *req)
{
	struct uk_blkdev_stats *st = &dev->stats;
	uint64_t bytes = req->nb_sectors * dev->info.ssize;

	if (req->result < 0) {
		st->errors++;
	} else if (req->op == UK_BLKREQ_READ) {
		st->reads++;
		st->read_bytes += bytes;
	} else if (req->op == UK_BLKREQ_WRITE) {
		st->writes++;
		st->write_bytes += bytes;
	} else {
		st->flushes++;
	}
	req->drv_priv = NULL;
	/* result first: a poller that sees finished must see the result. */
	__atomic_store_n(&req->finished, 1, __ATOMIC_RELEASE);
	/* The callback may free or resubmit req: nothing touches it after. */
	if (req->cb)
		req->cb(req, req->cb_cookie);
}

/* Queue ids in range and configured (queues may interrupt before start). */
static int queue_ready(const struct uk_blkdev *dev, uint16_t queue_id)
{
	return dev && dev->state != UK_BLKDEV_UNCONFIGURED &&
	       queue_id < dev->conf.nb_queues &&
	       (dev->queue_ready & (1U << queue_id));
}

int uk_blkdev_queue_intr_enable(struct uk_blkdev *dev, uint16_t queue_id)
{
	if (!queue_ready(dev, queue_id))
		return -EINVAL;
	if (!dev->ops->queue_intr_enable)
		return -ENOTSUP;
	return dev->ops->queue_intr_enable(dev, queue_id);
}

int uk_blkdev_queue_intr_disable(struct uk_blkdev *dev, uint16_t queue_id)
{
	if (!queue_ready(dev, queue_id))
		return -EINVAL;
	if (!dev->ops->queue_intr_disable)
		return -ENOTSUP;
	return dev->ops->queue_intr_disable(dev, queue_id);
}

void uk_blkdev_queue_event(struct uk_blkdev *dev, uint16_t queue_id)
{
	UK_ASSERT(dev && queue_id < UK_BLKDEV_MAX_QUEUES);
	if (dev->queue_event[queue_id].callback)
		dev->queue_event[queue_id].callback(
			dev, queue_id, dev->queue_event[queue_id].cookie);
}

void uk_blkdev_stats_get(struct uk_blkdev *dev,
			 struct uk_blkdev_stats *stats)
{
	UK_ASSERT(dev && stats);
	*stats = dev->stats;
}
