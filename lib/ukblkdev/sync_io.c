/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uk_blkdev_sync_io(): a transfer of any size as a stream of requests.
 *
 * The transfer is checked as a whole first (bounds, alignment, read-only),
 * so a bad one is refused before anything reaches the disk. Then it is cut
 * into requests of at most max_sectors_per_req sectors, and a window of up
 * to CONFIG_LIBUKBLKDEV_SYNC_INFLIGHT requests keeps the queue full:
 * submit until the queue says -EBUSY (or the window is used up), collect
 * completions with uk_blkdev_queue_finish_reqs(), refill, repeat. On the
 * first error nothing more is submitted; the requests in flight are
 * drained (their buffers are the caller's) and the error is returned.
 *
 * While nothing completes, _uk_blkdev_wait() lets time pass: a plain
 * spin by default, a yield to other threads when uksched is linked
 * (wait_sched.c overrides the weak default below).
 */
#include <errno.h>
#include <uk/blkdev_driver.h>
#include "blkdev_internal.h"

#define WINDOW CONFIG_LIBUKBLKDEV_SYNC_INFLIGHT

__weak void _uk_blkdev_wait(void)
{
	/* The device's progress is visible through memory: re-read it. */
	__asm__ __volatile__("" ::: "memory");
}

int uk_blkdev_sync_io(struct uk_blkdev *dev, uint16_t queue_id,
		      enum uk_blkreq_op op, uint64_t start_sector,
		      uint64_t nb_sectors, void *buf)
{
	struct uk_blkreq reqs[WINDOW];
	uint8_t busy[WINDOW] = { 0 };
	struct uk_blkdev_info info;
	uint64_t next = start_sector, end = start_sector + nb_sectors;
	unsigned int inflight = 0, i;
	int err = 0, ret, full;

	if (!dev)
		return -EINVAL;
	uk_blkdev_info_get(dev, &info);
	if (op == UK_BLKREQ_FLUSH) {
		/* One request, no data: the same machinery with one slot. */
		if (nb_sectors)
			return -EINVAL;
		next = 0;
		end = 1;
	} else {
		/* The whole transfer, with the checks of each request. */
		if (op != UK_BLKREQ_READ && op != UK_BLKREQ_WRITE)
			return -EINVAL;
		ret = _uk_blkdev_xfer_check(&info, op, start_sector,
					    nb_sectors, buf);
		if (ret < 0)
			return ret;
	}

	while (next < end || inflight) {
		/* Refill: as many requests as the window and the queue take. */
		full = 0;
		for (i = 0; i < WINDOW && next < end && !err && !full; i++) {
			struct uk_blkreq *r = &reqs[i];
			uint64_t n;

			if (busy[i])
				continue;
			n = MIN(end - next, (uint64_t)info.max_sectors_per_req);
			r->op = op;
			r->start_sector = op == UK_BLKREQ_FLUSH ? 0 : next;
			r->nb_sectors = op == UK_BLKREQ_FLUSH ? 0 : n;
			r->buf = op == UK_BLKREQ_FLUSH ? NULL :
				 (char *)buf + (next - start_sector) *
						       info.ssize;
			r->cb = NULL;
			r->cb_cookie = NULL;
			ret = uk_blkdev_queue_submit_one(dev, queue_id, r);
			if (ret == -EBUSY) {
				full = 1;
			} else if (ret < 0) {
				err = ret;
			} else {
				busy[i] = 1;
				inflight++;
				next += n;
			}
		}
		if (err && !inflight)
			break;

		/*
		 * With nothing of ours in flight, the queue is full of someone
		 * else's requests (submitted before this call): the same poll
		 * lets them finish.
		 */
		ret = uk_blkdev_queue_finish_reqs(dev, queue_id);
		if (ret < 0) {
			/* Cannot happen with a running queue; do not spin. */
			return ret;
		}
		if (ret == 0)
			_uk_blkdev_wait();
		for (i = 0; i < WINDOW; i++) {
			if (!busy[i] ||
			    !__atomic_load_n(&reqs[i].finished,
					     __ATOMIC_ACQUIRE))
				continue;
			busy[i] = 0;
			inflight--;
			if (reqs[i].result < 0 && !err)
				err = reqs[i].result;
		}
		if (err)
			next = end;	/* submit nothing more, drain */
	}
	return err;
}
