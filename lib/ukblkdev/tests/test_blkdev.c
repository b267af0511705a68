/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukblkdev tests, against a RAM disk driver defined here: 64 sectors of
 * 512 bytes, at most 4 sectors per request, 8-byte buffer alignment and
 * a queue of only two slots, so that -EBUSY and the splitting of the
 * synchronous helper happen on small transfers. The fake does the work
 * when requests are finished, in reverse order of submission (the API
 * promises no order), and can be told to fail a sector or to report a
 * completion for a request it never had.
 *
 * Each case registers a fresh device from the default heap (there is no
 * unregistration: the registry only grows, by one device per case).
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/blkdev_driver.h>
#include <uk/test.h>

#define FAKE_SECTORS	64
#define FAKE_SSIZE	512
#define FAKE_MAXREQ	4
#define FAKE_SLOTS	2
#define FAKE_NONE	UINT64_MAX

struct fake {
	struct uk_blkdev dev;
	uint32_t flags;			/* UK_BLKDEV_F_* it reports */
	uint8_t disk[FAKE_SECTORS * FAKE_SSIZE];
	struct uk_blkreq *slot[FAKE_SLOTS];
	unsigned int inflight, max_inflight;
	unsigned int submits, busies, intr_on;
	uint64_t fail_sector;		/* a request touching it: -EIO */
	int bogus_completion;		/* report one unknown completion */
};

#define to_fake(d) container_of(d, struct fake, dev)

static void fake_info_get(struct uk_blkdev *dev, struct uk_blkdev_info *info)
{
	info->sectors = FAKE_SECTORS;
	info->ssize = FAKE_SSIZE;
	info->max_sectors_per_req = FAKE_MAXREQ;
	info->max_queues = 1;
	info->ioalign = 8;
	info->flags = to_fake(dev)->flags;
}

static int fake_configure(struct uk_blkdev *dev __unused,
			  const struct uk_blkdev_conf *conf __unused)
{
	return 0;
}

static int fake_queue_configure(struct uk_blkdev *dev __unused,
				uint16_t q __unused, uint16_t nb __unused,
				const struct uk_blkdev_queue_conf *c __unused)
{
	return 0;
}

static int fake_start(struct uk_blkdev *dev __unused)
{
	return 0;
}

static int fake_submit(struct uk_blkdev *dev, uint16_t q __unused,
		       struct uk_blkreq *req)
{
	struct fake *f = to_fake(dev);

	for (unsigned int i = 0; i < FAKE_SLOTS; i++) {
		if (f->slot[i])
			continue;
		f->slot[i] = req;
		f->submits++;
		if (++f->inflight > f->max_inflight)
			f->max_inflight = f->inflight;
		return 0;
	}
	f->busies++;
	return -EBUSY;
}

static int fake_do(struct fake *f, struct uk_blkreq *r)
{
	uint8_t *at = f->disk + r->start_sector * FAKE_SSIZE;
	size_t len = r->nb_sectors * FAKE_SSIZE;

	if (f->fail_sector != FAKE_NONE &&
	    f->fail_sector >= r->start_sector &&
	    f->fail_sector < r->start_sector + r->nb_sectors)
		return -EIO;
	if (r->op == UK_BLKREQ_READ)
		memcpy(r->buf, at, len);
	else if (r->op == UK_BLKREQ_WRITE)
		memcpy(at, r->buf, len);
	return 0;
}

static int fake_finish(struct uk_blkdev *dev, uint16_t q __unused)
{
	struct fake *f = to_fake(dev);
	int n = 0;

	if (f->bogus_completion) {
		/* What a driver does with a completion it cannot match. */
		f->bogus_completion = 0;
		dev->stats.bad_completions++;
	}
	for (int i = FAKE_SLOTS - 1; i >= 0; i--) {
		struct uk_blkreq *r = f->slot[i];

		if (!r)
			continue;
		f->slot[i] = NULL;
		f->inflight--;
		r->result = fake_do(f, r);
		uk_blkdev_req_done(dev, r);
		n++;
	}
	return n;
}

static int fake_intr_enable(struct uk_blkdev *dev, uint16_t q __unused)
{
	to_fake(dev)->intr_on = 1;
	return to_fake(dev)->inflight ? 1 : 0;
}

static const struct uk_blkdev_ops fake_ops = {
	.info_get = fake_info_get,
	.configure = fake_configure,
	.queue_configure = fake_queue_configure,
	.start = fake_start,
	.submit_one = fake_submit,
	.finish_reqs = fake_finish,
	.queue_intr_enable = fake_intr_enable,
};

/* Without the optional interrupt ops. */
static const struct uk_blkdev_ops fake_ops_nointr = {
	.info_get = fake_info_get,
	.configure = fake_configure,
	.queue_configure = fake_queue_configure,
	.start = fake_start,
	.submit_one = fake_submit,
	.finish_reqs = fake_finish,
};

/* Register a new device in *@fp; 0 or the registration error. */
static int fake_add(struct fake **fp, uint32_t flags,
		    const struct uk_blkdev_ops *ops)
{
	struct fake *f = uk_calloc(uk_alloc_get_default(), 1, sizeof(*f));

	*fp = f;
	if (!f)
		return -ENOMEM;
	f->flags = flags;
	f->fail_sector = FAKE_NONE;
	f->dev.ops = ops;
	f->dev.drv_name = "fake";
	return uk_blkdev_register(&f->dev);
}

static const struct uk_blkdev_conf conf1 = { .nb_queues = 1 };
static const struct uk_blkdev_queue_conf qconf = { 0 };

/* Register, configure one queue and start: 0 when all went well. */
static int fake_up(struct fake **fp, uint32_t flags)
{
	int ret = fake_add(fp, flags, &fake_ops);

	if (!ret)
		ret = uk_blkdev_configure(&(*fp)->dev, &conf1);
	if (!ret)
		ret = uk_blkdev_queue_configure(&(*fp)->dev, 0, 0, &qconf);
	if (!ret)
		ret = uk_blkdev_start(&(*fp)->dev);
	return ret;
}

/* The device of the running case. */
static struct fake *fk;
static uint8_t buf[FAKE_SECTORS * FAKE_SSIZE] __aligned(8);
static uint8_t buf2[FAKE_SECTORS * FAKE_SSIZE] __aligned(8);

static void fill(uint8_t *p, size_t len, uint8_t seed)
{
	for (size_t i = 0; i < len; i++)
		p[i] = (uint8_t)(seed + i * 7 + (i >> 9));
}

UK_TESTCASE(ukblkdev, register_and_get)
{
	unsigned int before = uk_blkdev_count();
	struct uk_blkdev_info info;

	UK_TEST_ASSERT_INT_EQ(fake_add(&fk, 0, &fake_ops), 0);
	/* after: one more device, found by its id */
	UK_TEST_EXPECT_UINT_EQ(uk_blkdev_count(), before + 1);
	UK_TEST_EXPECT_UINT_EQ(uk_blkdev_id(&fk->dev), before);
	UK_TEST_EXPECT_PTR_EQ(uk_blkdev_get(before), &fk->dev);
	UK_TEST_EXPECT_NULL(uk_blkdev_get(before + 1));
	UK_TEST_EXPECT_STR_EQ(uk_blkdev_drv_name(&fk->dev), "fake");
	uk_blkdev_info_get(&fk->dev, &info);
	UK_TEST_EXPECT_UINT_EQ(info.sectors, FAKE_SECTORS);
	UK_TEST_EXPECT_UINT_EQ(info.ssize, FAKE_SSIZE);
	UK_TEST_EXPECT_UINT_EQ(info.max_sectors_per_req, FAKE_MAXREQ);
}

static uint32_t bad_ssize;

static void bad_info_get(struct uk_blkdev *dev, struct uk_blkdev_info *info)
{
	fake_info_get(dev, info);
	info->ssize = bad_ssize;
}

static const struct uk_blkdev_ops bad_ops = {
	.info_get = bad_info_get,
	.configure = fake_configure,
	.queue_configure = fake_queue_configure,
	.start = fake_start,
	.submit_one = fake_submit,
	.finish_reqs = fake_finish,
};

/* A device reporting a nonsense sector size is not added. */
UK_TESTCASE(ukblkdev, register_bad_geometry)
{
	struct fake *bad;
	unsigned int before = uk_blkdev_count();

	bad_ssize = 0;
	UK_TEST_EXPECT_INT_EQ(fake_add(&bad, 0, &bad_ops), -EINVAL);
	bad_ssize = 1000;
	UK_TEST_EXPECT_INT_EQ(fake_add(&bad, 0, &bad_ops), -EINVAL);
	UK_TEST_EXPECT_UINT_EQ(uk_blkdev_count(), before);
}

UK_TESTCASE(ukblkdev, state_order)
{
	struct uk_blkreq r = { .op = UK_BLKREQ_READ, .start_sector = 0,
			       .nb_sectors = 1, .buf = buf };
	struct uk_blkdev_conf bad = { .nb_queues = 2 };
	struct uk_blkdev_conf zero = { .nb_queues = 0 };

	UK_TEST_ASSERT_INT_EQ(fake_add(&fk, 0, &fake_ops), 0);
	/* before configure: nothing else works */
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_configure(&fk->dev, 0, 0, &qconf),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_start(&fk->dev), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_submit_one(&fk->dev, 0, &r),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_finish_reqs(&fk->dev, 0),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_configure(&fk->dev, &bad), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_configure(&fk->dev, &zero), -EINVAL);
	UK_TEST_ASSERT_INT_EQ(uk_blkdev_configure(&fk->dev, &conf1), 0);
	/* configured: no second configure, queues before start */
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_configure(&fk->dev, &conf1), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_start(&fk->dev), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_configure(&fk->dev, 1, 0, &qconf),
			      -EINVAL);
	UK_TEST_ASSERT_INT_EQ(uk_blkdev_queue_configure(&fk->dev, 0, 0, &qconf),
			      0);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_configure(&fk->dev, 0, 0, &qconf),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_submit_one(&fk->dev, 0, &r),
			      -EINVAL);
	UK_TEST_ASSERT_INT_EQ(uk_blkdev_start(&fk->dev), 0);
	/* running: I/O yes, reconfiguration no */
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_start(&fk->dev), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_configure(&fk->dev, &conf1), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_submit_one(&fk->dev, 1, &r),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_submit_one(&fk->dev, 0, &r), 0);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_finish_reqs(&fk->dev, 0), 1);
	UK_TEST_EXPECT_INT_EQ(r.finished, 1);
	UK_TEST_EXPECT_INT_EQ(r.result, 0);
}

/* Each bad request is refused before the driver sees it. */
UK_TESTCASE(ukblkdev, request_checks)
{
	struct uk_blkreq r;
	struct {
		enum uk_blkreq_op op;
		uint64_t start, n;
		void *buf;
	} bad[] = {
		/* past the end, across it, wrapping around 2^64 */
		{ UK_BLKREQ_READ, FAKE_SECTORS, 1, buf },
		{ UK_BLKREQ_READ, FAKE_SECTORS - 1, 2, buf },
		{ UK_BLKREQ_WRITE, UINT64_MAX, 2, buf },
		/* too large, empty, no buffer, misaligned buffer */
		{ UK_BLKREQ_READ, 0, FAKE_MAXREQ + 1, buf },
		{ UK_BLKREQ_READ, 0, 0, buf },
		{ UK_BLKREQ_READ, 0, 1, NULL },
		{ UK_BLKREQ_READ, 0, 1, buf + 4 },
		/* a flush with data, an unknown op */
		{ UK_BLKREQ_FLUSH, 0, 1, NULL },
		{ (enum uk_blkreq_op)7, 0, 1, buf },
	};

	UK_TEST_ASSERT_INT_EQ(fake_up(&fk, 0), 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		r = (struct uk_blkreq){ .op = bad[i].op,
					.start_sector = bad[i].start,
					.nb_sectors = bad[i].n,
					.buf = bad[i].buf,
					.finished = 42 };
		UK_TEST_EXPECT_INT_EQ(
			uk_blkdev_queue_submit_one(&fk->dev, 0, &r), -EINVAL);
		/* after: req untouched */
		UK_TEST_EXPECT_INT_EQ(r.finished, 42);
	}
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_submit_one(&fk->dev, 0, NULL),
			      -EINVAL);
	UK_TEST_EXPECT_UINT_EQ(fk->submits, 0);
	/* the last sector and a maximal request are fine */
	r = (struct uk_blkreq){ .op = UK_BLKREQ_READ,
				.start_sector = FAKE_SECTORS - FAKE_MAXREQ,
				.nb_sectors = FAKE_MAXREQ, .buf = buf };
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_submit_one(&fk->dev, 0, &r), 0);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_finish_reqs(&fk->dev, 0), 1);
}

UK_TESTCASE(ukblkdev, read_only)
{
	struct uk_blkreq r = { .op = UK_BLKREQ_WRITE, .start_sector = 0,
			       .nb_sectors = 1, .buf = buf };

	UK_TEST_ASSERT_INT_EQ(fake_up(&fk, UK_BLKDEV_F_READONLY), 0);
	memset(fk->disk, 0xab, sizeof(fk->disk));
	fill(buf, sizeof(buf), 1);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_submit_one(&fk->dev, 0, &r),
			      -EROFS);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(&fk->dev, 0, UK_BLKREQ_WRITE,
						0, 8, buf),
			      -EROFS);
	UK_TEST_EXPECT_UINT_EQ(fk->submits, 0);
	/* reads still work */
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(&fk->dev, 0, UK_BLKREQ_READ,
						0, 8, buf),
			      0);
	UK_TEST_EXPECT_UINT_EQ(buf[0], 0xab);
	UK_TEST_EXPECT_UINT_EQ(buf[8 * FAKE_SSIZE - 1], 0xab);
}

struct cb_log {
	unsigned int calls;
	void *cookies[4];
};

static void log_cb(struct uk_blkreq *req, void *cookie)
{
	struct cb_log *log = req->cb_cookie;

	/* finished and result are valid by the time the callback runs */
	if (req->finished && log->calls < ARRAY_SIZE(log->cookies))
		log->cookies[log->calls] = cookie;
	log->calls++;
}

/* Two requests fill the queue; the third is told -EBUSY. */
UK_TESTCASE(ukblkdev, async_busy_and_callbacks)
{
	static struct cb_log log;
	struct uk_blkreq r[3];
	struct uk_blkdev_stats st;

	UK_TEST_ASSERT_INT_EQ(fake_up(&fk, 0), 0);
	fill(fk->disk, sizeof(fk->disk), 3);
	memset(&log, 0, sizeof(log));
	for (int i = 0; i < 3; i++)
		r[i] = (struct uk_blkreq){ .op = UK_BLKREQ_READ,
					   .start_sector = 4 * i,
					   .nb_sectors = 4,
					   .buf = buf + 4 * i * FAKE_SSIZE,
					   .cb = log_cb,
					   .cb_cookie = &log };
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_submit_one(&fk->dev, 0, &r[0]),
			      0);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_submit_one(&fk->dev, 0, &r[1]),
			      0);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_submit_one(&fk->dev, 0, &r[2]),
			      -EBUSY);
	UK_TEST_EXPECT_UINT_EQ(log.calls, 0);
	UK_TEST_EXPECT_INT_EQ(r[0].finished, 0);
	/* after finish: both callbacks ran, each request finished */
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_finish_reqs(&fk->dev, 0), 2);
	UK_TEST_EXPECT_UINT_EQ(log.calls, 2);
	UK_TEST_EXPECT_INT_EQ(r[0].finished, 1);
	UK_TEST_EXPECT_INT_EQ(r[1].finished, 1);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_submit_one(&fk->dev, 0, &r[2]),
			      0);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_finish_reqs(&fk->dev, 0), 1);
	UK_TEST_EXPECT_UINT_EQ(log.calls, 3);
	UK_TEST_EXPECT_MEM_EQ(buf, fk->disk, 12 * FAKE_SSIZE);
	/* nothing left */
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_finish_reqs(&fk->dev, 0), 0);
	uk_blkdev_stats_get(&fk->dev, &st);
	UK_TEST_EXPECT_UINT_EQ(st.reads, 3);
	UK_TEST_EXPECT_UINT_EQ(st.read_bytes, 12 * FAKE_SSIZE);
	UK_TEST_EXPECT_UINT_EQ(st.writes, 0);
	UK_TEST_EXPECT_UINT_EQ(st.errors, 0);
}

/* A callback may resubmit its own request (the queue slot is free). */
static void resubmit_cb(struct uk_blkreq *req, void *cookie)
{
	unsigned int *left = cookie;

	if (req->result == 0 && *left > 0) {
		(*left)--;
		req->start_sector += req->nb_sectors;
		req->buf = (char *)req->buf + req->nb_sectors * FAKE_SSIZE;
		uk_blkdev_queue_submit_one(&fk->dev, 0, req);
	}
}

UK_TESTCASE(ukblkdev, callback_resubmits)
{
	unsigned int left = 3;
	struct uk_blkreq r = { .op = UK_BLKREQ_WRITE, .start_sector = 0,
			       .nb_sectors = 2, .buf = buf, .cb = resubmit_cb,
			       .cb_cookie = &left };

	UK_TEST_ASSERT_INT_EQ(fake_up(&fk, 0), 0);
	fill(buf, sizeof(buf), 9);
	UK_TEST_ASSERT_INT_EQ(uk_blkdev_queue_submit_one(&fk->dev, 0, &r), 0);
	for (int i = 0; i < 4; i++)
		UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_finish_reqs(&fk->dev, 0),
				      1);
	UK_TEST_EXPECT_UINT_EQ(left, 0);
	UK_TEST_EXPECT_MEM_EQ(fk->disk, buf, 8 * FAKE_SSIZE);
}

/*
 * 40 sectors with 4 per request and 2 slots: 10 requests, the queue full
 * (-EBUSY) along the way, never more than 2 in flight.
 */
UK_TESTCASE(ukblkdev, sync_io_splits)
{
	struct uk_blkdev_stats st;

	UK_TEST_ASSERT_INT_EQ(fake_up(&fk, 0), 0);
	fill(buf, sizeof(buf), 5);
	UK_TEST_ASSERT_INT_EQ(uk_blkdev_sync_io(&fk->dev, 0, UK_BLKREQ_WRITE,
						3, 40, buf),
			      0);
	UK_TEST_EXPECT_MEM_EQ(fk->disk + 3 * FAKE_SSIZE, buf, 40 * FAKE_SSIZE);
	UK_TEST_EXPECT_UINT_EQ(fk->submits, 10);
	UK_TEST_EXPECT_UINT_EQ(fk->max_inflight, FAKE_SLOTS);
	UK_TEST_EXPECT_INT_GT(fk->busies, 0);
	/* the same sectors read back */
	memset(buf2, 0, sizeof(buf2));
	UK_TEST_ASSERT_INT_EQ(uk_blkdev_sync_io(&fk->dev, 0, UK_BLKREQ_READ,
						3, 40, buf2),
			      0);
	UK_TEST_EXPECT_MEM_EQ(buf2, buf, 40 * FAKE_SSIZE);
	/* an odd tail: 7 sectors = 4 + 3 */
	UK_TEST_ASSERT_INT_EQ(uk_blkdev_sync_io(&fk->dev, 0, UK_BLKREQ_READ,
						FAKE_SECTORS - 7, 7, buf2),
			      0);
	UK_TEST_EXPECT_MEM_EQ(buf2, fk->disk + (FAKE_SECTORS - 7) * FAKE_SSIZE,
			      7 * FAKE_SSIZE);
	UK_TEST_ASSERT_INT_EQ(uk_blkdev_sync_io(&fk->dev, 0, UK_BLKREQ_FLUSH,
						0, 0, NULL),
			      0);
	uk_blkdev_stats_get(&fk->dev, &st);
	UK_TEST_EXPECT_UINT_EQ(st.writes, 10);
	UK_TEST_EXPECT_UINT_EQ(st.write_bytes, 40 * FAKE_SSIZE);
	UK_TEST_EXPECT_UINT_EQ(st.reads, 12);
	UK_TEST_EXPECT_UINT_EQ(st.flushes, 1);
	/* nothing to do is not an error */
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(&fk->dev, 0, UK_BLKREQ_READ,
						0, 0, buf2),
			      0);
}

/* A transfer that ends past the disk is refused whole: nothing written. */
UK_TESTCASE(ukblkdev, sync_io_out_of_range)
{
	UK_TEST_ASSERT_INT_EQ(fake_up(&fk, 0), 0);
	fill(buf, sizeof(buf), 11);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(&fk->dev, 0, UK_BLKREQ_WRITE,
						FAKE_SECTORS - 8, 9, buf),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(&fk->dev, 0, UK_BLKREQ_WRITE,
						UINT64_MAX - 1, 4, buf),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(&fk->dev, 0, UK_BLKREQ_WRITE,
						0, 4, buf + 1),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(&fk->dev, 0, UK_BLKREQ_FLUSH,
						0, 4, NULL),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(&fk->dev, 1, UK_BLKREQ_READ,
						0, 4, buf),
			      -EINVAL);
	UK_TEST_EXPECT_UINT_EQ(fk->submits, 0);
	for (size_t i = 0; i < sizeof(fk->disk); i++)
		if (fk->disk[i]) {
			UK_TEST_EXPECT_UINT_EQ(fk->disk[i], 0);
			break;
		}
}

/* A failed request ends the transfer with its error, once drained. */
UK_TESTCASE(ukblkdev, sync_io_error)
{
	struct uk_blkdev_stats st;

	UK_TEST_ASSERT_INT_EQ(fake_up(&fk, 0), 0);
	fk->fail_sector = 13;
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(&fk->dev, 0, UK_BLKREQ_READ,
						0, 40, buf),
			      -EIO);
	/* nothing left in flight, nothing submitted after the failure */
	UK_TEST_EXPECT_UINT_EQ(fk->inflight, 0);
	UK_TEST_EXPECT_INT_LE(fk->submits, 5);
	uk_blkdev_stats_get(&fk->dev, &st);
	UK_TEST_EXPECT_UINT_EQ(st.errors, 1);
}

/* A completion the driver cannot match is counted, the rest completes. */
UK_TESTCASE(ukblkdev, bad_completion_counted)
{
	struct uk_blkreq r = { .op = UK_BLKREQ_READ, .start_sector = 0,
			       .nb_sectors = 1, .buf = buf };
	struct uk_blkdev_stats st;

	UK_TEST_ASSERT_INT_EQ(fake_up(&fk, 0), 0);
	fk->bogus_completion = 1;
	UK_TEST_ASSERT_INT_EQ(uk_blkdev_queue_submit_one(&fk->dev, 0, &r), 0);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_finish_reqs(&fk->dev, 0), 1);
	UK_TEST_EXPECT_INT_EQ(r.finished, 1);
	uk_blkdev_stats_get(&fk->dev, &st);
	UK_TEST_EXPECT_UINT_EQ(st.bad_completions, 1);
	UK_TEST_EXPECT_UINT_EQ(st.reads, 1);
	UK_TEST_EXPECT_UINT_EQ(st.errors, 0);
}

static void queue_cb(struct uk_blkdev *dev __unused, uint16_t q,
		     void *cookie)
{
	*(int *)cookie = 100 + q;
}

UK_TESTCASE(ukblkdev, queue_interrupts)
{
	struct fake *f2;
	int hit = 0;
	struct uk_blkdev_queue_conf qc = { .callback = queue_cb,
					   .callback_cookie = &hit };

	UK_TEST_ASSERT_INT_EQ(fake_add(&fk, 0, &fake_ops), 0);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_intr_enable(&fk->dev, 0),
			      -EINVAL);
	UK_TEST_ASSERT_INT_EQ(uk_blkdev_configure(&fk->dev, &conf1), 0);
	UK_TEST_ASSERT_INT_EQ(uk_blkdev_queue_configure(&fk->dev, 0, 0, &qc),
			      0);
	UK_TEST_ASSERT_INT_EQ(uk_blkdev_start(&fk->dev), 0);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_intr_enable(&fk->dev, 0), 0);
	UK_TEST_EXPECT_UINT_EQ(fk->intr_on, 1);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_intr_enable(&fk->dev, 3),
			      -EINVAL);
	/* the driver's interrupt reaches the queue's callback */
	uk_blkdev_queue_event(&fk->dev, 0);
	UK_TEST_EXPECT_INT_EQ(hit, 100);
	/* optional ops missing: -ENOTSUP */
	UK_TEST_ASSERT_INT_EQ(fake_add(&f2, 0, &fake_ops_nointr), 0);
	UK_TEST_ASSERT_INT_EQ(uk_blkdev_configure(&f2->dev, &conf1), 0);
	UK_TEST_ASSERT_INT_EQ(uk_blkdev_queue_configure(&f2->dev, 0, 0, &qconf),
			      0);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_intr_enable(&f2->dev, 0),
			      -ENOTSUP);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_queue_intr_disable(&f2->dev, 0),
			      -ENOTSUP);
}
