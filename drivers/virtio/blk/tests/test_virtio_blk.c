/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio-blk against a fake device: a transport of our own (features,
 * status, a configuration space in memory, queue 0 of 16 descriptors)
 * and a device that serves each request when it is kicked, from a RAM
 * disk, and can be told to misbehave: a garbage status byte, a used
 * length too short or too long, a used id it was never given, an I/O
 * error, an unsupported request. What it returns must never be trusted.
 *
 * Playing the device means reading the rings: the test is a transport of
 * its own, written against the implementers' header <uk/virtio_impl.h>
 * (the ring layout and transport operations), as virtio-pci and
 * virtio-mmio are.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/blkdev.h>
#include <uk/test.h>
#include <uk/virtio_impl.h>

#define F_SIZE_MAX	(1ULL << 1)
#define F_SEG_MAX	(1ULL << 2)
#define F_RO		(1ULL << 5)
#define F_BLK_SIZE	(1ULL << 6)
#define F_FLUSH		(1ULL << 9)
#define F_VERSION_1	(1ULL << 32)

#define DISK_SECTORS	64
#define QSIZE		16

enum misbehave {
	GOOD = 0,
	BAD_STATUS,	/* status byte 7 */
	SHORT_LEN,	/* used length one byte short */
	LONG_LEN,	/* used length beyond the posted buffers */
	STRAY_ID,	/* an extra used entry, for no chain in flight */
	IOERR,
	UNSUPP,
};

struct fakeblk {
	struct uk_virtio_dev vdev;
	uint64_t offered;
	uint8_t status;
	struct {
		uint64_t capacity;
		uint32_t size_max, seg_max;
		uint8_t geometry[4];
		uint32_t blk_size;
	} __packed cfg;
	struct uk_virtqueue *vq;
	uint16_t dev_avail, dev_used;
	enum misbehave mode;
	unsigned int served;
	uint8_t disk[DISK_SECTORS * 512];
};

#define to_fake(v) container_of(v, struct fakeblk, vdev)

static uint64_t f_features_get(struct uk_virtio_dev *v)
{
	return to_fake(v)->offered;
}

static void f_features_set(struct uk_virtio_dev *v __unused,
			   uint64_t f __unused)
{
}

static uint8_t f_status_get(struct uk_virtio_dev *v)
{
	return to_fake(v)->status;
}

static void f_status_set(struct uk_virtio_dev *v, uint8_t s)
{
	to_fake(v)->status = s;
}

static void f_reset(struct uk_virtio_dev *v)
{
	to_fake(v)->status = 0;
}

static uint8_t f_generation(struct uk_virtio_dev *v __unused)
{
	return 0;
}

static void f_config_read(struct uk_virtio_dev *v, unsigned int off,
			  void *buf, unsigned int len)
{
	memcpy(buf, (char *)&to_fake(v)->cfg + off, len);
}

static uint16_t f_vq_max_size(struct uk_virtio_dev *v __unused, uint16_t i)
{
	return i == 0 ? QSIZE : 0;
}

/* The device: serve every chain made available, as told to behave. */
static void f_notify(struct uk_virtqueue *vq)
{
	struct fakeblk *f = to_fake(vq->vdev);

	while (f->dev_avail != vq->avail->idx) {
		uint16_t head = vq->avail->ring[f->dev_avail++ % QSIZE];
		struct vring_desc *d = &vq->desc[head];
		struct { uint32_t type, reserved; uint64_t sector; } *hdr =
			(void *)(uintptr_t)d->addr;
		uint8_t *at = f->disk + hdr->sector * 512;
		uint32_t written = 0;
		uint8_t *status;

		/* header, data descriptors, then the status byte (last) */
		for (d = &vq->desc[d->next]; d->flags & VRING_DESC_F_NEXT;
		     d = &vq->desc[d->next]) {
			if (hdr->type == 0)
				memcpy((void *)(uintptr_t)d->addr, at, d->len);
			else if (hdr->type == 1)
				memcpy(at, (void *)(uintptr_t)d->addr, d->len);
			if (d->flags & VRING_DESC_F_WRITE)
				written += d->len;
			at += d->len;
		}
		status = (uint8_t *)(uintptr_t)d->addr;
		*status = f->mode == BAD_STATUS ? 7 : f->mode == IOERR ? 1 :
			  f->mode == UNSUPP ? 2 : 0;
		written += 1;
		if (f->mode == SHORT_LEN)
			written -= 1;
		if (f->mode == LONG_LEN)
			written += 100;
		if (f->mode == STRAY_ID) {
			vq->used->ring[f->dev_used++ % QSIZE] =
				(struct vring_used_elem){ (head + 5) % QSIZE,
							  1 };
		}
		vq->used->ring[f->dev_used++ % QSIZE] =
			(struct vring_used_elem){ head, written };
		vq->used->idx = f->dev_used;
		f->served++;
	}
}

static int f_vq_enable(struct uk_virtio_dev *v, struct uk_virtqueue *vq)
{
	to_fake(v)->vq = vq;
	vq->notify = f_notify;
	return 0;
}

static const struct virtio_transport_ops fake_ops = {
	.features_get = f_features_get,
	.features_set = f_features_set,
	.status_get = f_status_get,
	.status_set = f_status_set,
	.reset = f_reset,
	.config_generation = f_generation,
	.config_read = f_config_read,
	.vq_max_size = f_vq_max_size,
	.vq_enable = f_vq_enable,
};

static struct fakeblk *fake_new(uint64_t features)
{
	struct fakeblk *f = uk_calloc(uk_alloc_get_default(), 1, sizeof(*f));

	if (!f)
		return NULL;
	f->vdev.device_id = UK_VIRTIO_ID_BLK;
	f->vdev.transport = "fake";
	f->vdev.ops = &fake_ops;
	f->offered = features | F_VERSION_1;
	f->cfg.capacity = DISK_SECTORS;
	f->cfg.seg_max = 4;
	f->cfg.size_max = 4096;
	f->cfg.blk_size = 512;
	return f;
}

/* Probe @f and bring its ukblkdev device up; NULL on failure. */
static struct uk_blkdev *fake_up(struct fakeblk *f)
{
	struct uk_blkdev_conf c = { .nb_queues = 1 };
	struct uk_blkdev_queue_conf qc = { 0 };
	unsigned int n = uk_blkdev_count();
	struct uk_blkdev *dev;

	/* As a transport does: offer the device to the driver table. */
	_virtio_dev_found(&f->vdev);
	if (uk_blkdev_count() != n + 1)
		return NULL;
	dev = uk_blkdev_get(n);
	if (uk_blkdev_configure(dev, &c) < 0 ||
	    uk_blkdev_queue_configure(dev, 0, 0, &qc) < 0 ||
	    uk_blkdev_start(dev) < 0)
		return NULL;
	return dev;
}

static uint8_t buf[8 * 512], buf2[8 * 512];

static uint64_t bad_completions(struct uk_blkdev *dev)
{
	struct uk_blkdev_stats st;

	uk_blkdev_stats_get(dev, &st);
	return st.bad_completions;
}

UK_TESTCASE(ukvirtioblk, read_write_flush)
{
	struct fakeblk *f = fake_new(F_SEG_MAX | F_SIZE_MAX | F_FLUSH);
	struct uk_blkdev_info info;
	struct uk_blkdev *dev;

	UK_TEST_ASSERT_NOT_NULL(f);
	dev = fake_up(f);
	UK_TEST_ASSERT_NOT_NULL(dev);
	uk_blkdev_info_get(dev, &info);
	UK_TEST_EXPECT_UINT_EQ(info.sectors, DISK_SECTORS);
	UK_TEST_EXPECT_UINT_EQ(info.ssize, 512);
	/* seg_max 4 segments of size_max 4096: 32 sectors per request */
	UK_TEST_EXPECT_UINT_EQ(info.max_sectors_per_req, 32);
	UK_TEST_EXPECT(info.flags & UK_BLKDEV_F_FLUSH);
	UK_TEST_EXPECT(!(info.flags & UK_BLKDEV_F_READONLY));
	for (unsigned int i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)(i * 13 + 1);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(dev, 0, UK_BLKREQ_WRITE, 3, 8,
						buf),
			      0);
	UK_TEST_EXPECT_MEM_EQ(f->disk + 3 * 512, buf, sizeof(buf));
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(dev, 0, UK_BLKREQ_READ, 3, 8,
						buf2),
			      0);
	UK_TEST_EXPECT_MEM_EQ(buf2, buf, sizeof(buf));
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(dev, 0, UK_BLKREQ_FLUSH, 0, 0,
						NULL),
			      0);
	UK_TEST_EXPECT_UINT_EQ(f->served, 3);
	UK_TEST_EXPECT_UINT_EQ(bad_completions(dev), 0);
}

/* Each kind of bad completion: -EIO, counted, nothing left in flight. */
UK_TESTCASE(ukvirtioblk, bad_completions)
{
	static const enum misbehave modes[] = { BAD_STATUS, SHORT_LEN,
						LONG_LEN };
	struct fakeblk *f = fake_new(0);
	struct uk_blkdev *dev;
	uint64_t before;

	UK_TEST_ASSERT_NOT_NULL(f);
	dev = fake_up(f);
	UK_TEST_ASSERT_NOT_NULL(dev);
	for (unsigned int i = 0; i < ARRAY_SIZE(modes); i++) {
		f->mode = modes[i];
		before = bad_completions(dev);
		UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(dev, 0, UK_BLKREQ_READ,
							0, 2, buf),
				      -EIO);
		UK_TEST_EXPECT_UINT_EQ(bad_completions(dev), before + 1);
		UK_TEST_EXPECT_INT_EQ(uk_virtqueue_free_count(f->vq), QSIZE);
	}
	/* A used id that was never posted: dropped, the real one is fine. */
	f->mode = STRAY_ID;
	before = bad_completions(dev);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(dev, 0, UK_BLKREQ_READ, 0, 2,
						buf),
			      0);
	UK_TEST_EXPECT_UINT_EQ(bad_completions(dev), before + 1);
	/* Errors the device reports properly are errors, not bad ones. */
	f->mode = IOERR;
	before = bad_completions(dev);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(dev, 0, UK_BLKREQ_WRITE, 0, 2,
						buf),
			      -EIO);
	f->mode = UNSUPP;
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(dev, 0, UK_BLKREQ_WRITE, 0, 2,
						buf),
			      -ENOTSUP);
	UK_TEST_EXPECT_UINT_EQ(bad_completions(dev), before);
	/* Back to good behaviour: the device still works. */
	f->mode = GOOD;
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(dev, 0, UK_BLKREQ_READ, 0, 2,
						buf),
			      0);
}

/* No FLUSH feature: a write-through device, flushes never reach it. */
UK_TESTCASE(ukvirtioblk, flush_without_cache)
{
	struct fakeblk *f = fake_new(F_RO);
	struct uk_blkdev_info info;
	struct uk_blkdev *dev;

	UK_TEST_ASSERT_NOT_NULL(f);
	dev = fake_up(f);
	UK_TEST_ASSERT_NOT_NULL(dev);
	uk_blkdev_info_get(dev, &info);
	UK_TEST_EXPECT(!(info.flags & UK_BLKDEV_F_FLUSH));
	UK_TEST_EXPECT(info.flags & UK_BLKDEV_F_READONLY);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(dev, 0, UK_BLKREQ_FLUSH, 0, 0,
						NULL),
			      0);
	UK_TEST_EXPECT_UINT_EQ(f->served, 0);
	UK_TEST_EXPECT_INT_EQ(uk_blkdev_sync_io(dev, 0, UK_BLKREQ_WRITE, 0, 1,
						buf),
			      -EROFS);
}

/* Configuration values that cannot be right are refused or ignored. */
UK_TESTCASE(ukvirtioblk, bad_geometry)
{
	struct uk_blkdev_info info;
	struct uk_blkdev *dev;
	struct fakeblk *f;
	unsigned int n;

	/* blk_size not a power of two: ignored, 512-byte sectors */
	f = fake_new(F_BLK_SIZE);
	UK_TEST_ASSERT_NOT_NULL(f);
	f->cfg.blk_size = 1000;
	dev = fake_up(f);
	UK_TEST_ASSERT_NOT_NULL(dev);
	uk_blkdev_info_get(dev, &info);
	UK_TEST_EXPECT_UINT_EQ(info.ssize, 512);
	/* blk_size 4096: capacity still counts 512-byte units */
	f = fake_new(F_BLK_SIZE);
	UK_TEST_ASSERT_NOT_NULL(f);
	f->cfg.blk_size = 4096;
	dev = fake_up(f);
	UK_TEST_ASSERT_NOT_NULL(dev);
	uk_blkdev_info_get(dev, &info);
	UK_TEST_EXPECT_UINT_EQ(info.ssize, 4096);
	UK_TEST_EXPECT_UINT_EQ(info.sectors, DISK_SECTORS / 8);
	/* size_max below a sector: the device is refused */
	n = uk_blkdev_count();
	f = fake_new(F_SIZE_MAX);
	UK_TEST_ASSERT_NOT_NULL(f);
	f->cfg.size_max = 100;
	_virtio_dev_found(&f->vdev);
	UK_TEST_EXPECT(f->status & VIRTIO_S_FAILED);
	UK_TEST_EXPECT_UINT_EQ(uk_blkdev_count(), n);
	/* a capacity whose byte count overflows: not registered */
	f = fake_new(0);
	UK_TEST_ASSERT_NOT_NULL(f);
	f->cfg.capacity = UINT64_MAX;
	_virtio_dev_found(&f->vdev);
	UK_TEST_EXPECT(f->status & VIRTIO_S_FAILED);
	UK_TEST_EXPECT_UINT_EQ(uk_blkdev_count(), n);
}
