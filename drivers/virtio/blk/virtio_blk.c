/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio-blk (virtio 1.x, section 5.2): a ukblkdev device per virtio
 * block device, one request queue (virtqueue 0).
 *
 * A request is a descriptor chain: a 16-byte header the device reads
 * (type, reserved, sector in 512-byte units), the data (device-readable
 * for a write, device-writable for a read; split into segments of at
 * most size_max bytes), and one status byte the device writes. Header
 * and status live in a per-request slot, the slot is the cookie the
 * device gives back.
 *
 * Geometry from the configuration space, checked before use: capacity
 * (always in 512-byte units), blk_size (VIRTIO_BLK_F_BLK_SIZE: the
 * sector size ukblkdev reports, a power of two from 512 to 64 KiB, else
 * ignored), seg_max and size_max (SEG_MAX, SIZE_MAX: with the ring size
 * and LIBUKVIRTIOBLK_MAX_SECTORS they bound max_sectors_per_req), RO,
 * FLUSH (without it the device has no volatile cache and a flush
 * completes at once, without a round trip).
 *
 * Completions are not trusted. The core drops used ids that are out of
 * range or not in flight, and returns -EIO for lengths beyond the buffer;
 * it hands back only cookies this driver posted (from its own slot
 * table), so a cookie here is always one of our slots in flight. A status
 * byte other than OK/IOERR/UNSUPP, or a successful read whose used length
 * is not data + status, is counted in bad_completions and gives -EIO.
 * Every entry the core dropped is added to bad_completions too.
 *
 * Interrupts: the queue's interrupt stays suppressed until the user asks
 * for it (uk_blkdev_queue_intr_enable); the core's queue callback then
 * forwards to uk_blkdev_queue_event(). Without it, callers poll
 * uk_blkdev_queue_finish_reqs().
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/blkdev_driver.h>
#include <uk/print.h>
#include <uk/virtio.h>

/* Feature bits (5.2.3). */
#define VIRTIO_BLK_F_SIZE_MAX	1
#define VIRTIO_BLK_F_SEG_MAX	2
#define VIRTIO_BLK_F_RO		5
#define VIRTIO_BLK_F_BLK_SIZE	6
#define VIRTIO_BLK_F_FLUSH	9

/* Configuration space offsets (5.2.4, struct virtio_blk_config). */
#define VIRTIO_BLK_CFG_CAPACITY	0	/* le64, 512-byte sectors */
#define VIRTIO_BLK_CFG_SIZE_MAX	8	/* le32 */
#define VIRTIO_BLK_CFG_SEG_MAX	12	/* le32 */
#define VIRTIO_BLK_CFG_BLK_SIZE	20	/* le32 */

/* Request types and status values (5.2.6). */
#define VIRTIO_BLK_T_IN		0
#define VIRTIO_BLK_T_OUT	1
#define VIRTIO_BLK_T_FLUSH	4
#define VIRTIO_BLK_S_OK		0
#define VIRTIO_BLK_S_IOERR	1
#define VIRTIO_BLK_S_UNSUPP	2
/* Written before posting: a device that never sets the status is caught. */
#define STATUS_UNSET		0xff

#define VBLK_SECTOR		512
/* Data segments per request at most (bounds a stack array). */
#define VBLK_MAX_SEGS		64

struct vblk_hdr {
	uint32_t type;
	uint32_t reserved;
	uint64_t sector;
} __packed;

/* One request in flight: what the device reads and writes besides data. */
struct vblk_slot {
	struct vblk_hdr hdr;
	uint8_t status;
	uint16_t next_free;
	struct uk_blkreq *req;
	uint32_t in_len;	/* bytes the device must write on success */
};

struct vblk {
	struct uk_blkdev dev;
	struct uk_virtio_dev *vdev;
	struct uk_virtqueue *vq;
	uint64_t sectors;		/* in units of ssize */
	uint32_t ssize;
	uint32_t max_sectors;
	uint32_t seg_len;		/* largest data segment */
	uint32_t flags;			/* UK_BLKDEV_F_* */
	uint16_t nslots, free_head;
	struct vblk_slot *slots;
	/* Flushes completed without the device (no FLUSH feature). */
	struct uk_blkreq *local;
	unsigned long vq_errors_seen;
};

#define to_vblk(d) container_of(d, struct vblk, dev)
#define NO_SLOT 0xffff

static void vblk_info_get(struct uk_blkdev *dev, struct uk_blkdev_info *info)
{
	struct vblk *vb = to_vblk(dev);

	info->sectors = vb->sectors;
	info->ssize = vb->ssize;
	info->max_sectors_per_req = vb->max_sectors;
	info->max_queues = 1;
	info->ioalign = 1;	/* identity-mapped RAM, any address */
	info->flags = vb->flags;
}

static struct vblk_slot *slot_get(struct vblk *vb)
{
	struct vblk_slot *s;

	if (vb->free_head == NO_SLOT)
		return NULL;
	s = &vb->slots[vb->free_head];
	vb->free_head = s->next_free;
	return s;
}

static void slot_put(struct vblk *vb, struct vblk_slot *s)
{
	s->req = NULL;
	s->next_free = vb->free_head;
	vb->free_head = (uint16_t)(s - vb->slots);
}

static int vblk_submit(struct uk_blkdev *dev, uint16_t queue_id __unused,
		       struct uk_blkreq *req)
{
	struct vblk *vb = to_vblk(dev);
	/* header + data segments + status */
	struct uk_virtqueue_seg segs[2 + VBLK_MAX_SEGS];
	unsigned int nseg = 0, ndata = 0;
	uint64_t len = req->nb_sectors * vb->ssize, off;
	struct vblk_slot *s;
	int ret;

	if (req->op == UK_BLKREQ_FLUSH && !(vb->flags & UK_BLKDEV_F_FLUSH)) {
		/* Write-through device: nothing to flush. */
		req->result = 0;
		req->drv_priv = vb->local;
		vb->local = req;
		return 0;
	}
	s = slot_get(vb);
	if (!s)
		return -EBUSY;
	s->req = req;
	s->status = STATUS_UNSET;
	s->hdr.reserved = 0;
	s->hdr.sector = 0;
	s->in_len = 1;
	if (req->op == UK_BLKREQ_FLUSH) {
		s->hdr.type = VIRTIO_BLK_T_FLUSH;
	} else {
		s->hdr.type = req->op == UK_BLKREQ_READ ? VIRTIO_BLK_T_IN :
							  VIRTIO_BLK_T_OUT;
		s->hdr.sector = req->start_sector * (vb->ssize / VBLK_SECTOR);
	}
	segs[nseg++] = (struct uk_virtqueue_seg){ &s->hdr, sizeof(s->hdr) };
	for (off = 0; off < len; off += vb->seg_len, ndata++)
		segs[nseg++] = (struct uk_virtqueue_seg){
			(char *)req->buf + off,
			(uint32_t)MIN((uint64_t)vb->seg_len, len - off) };
	segs[nseg++] = (struct uk_virtqueue_seg){ &s->status, 1 };
	if (req->op == UK_BLKREQ_READ) {
		s->in_len += (uint32_t)len;
		ret = uk_virtqueue_add(vb->vq, s, segs, 1, ndata + 1);
	} else {
		ret = uk_virtqueue_add(vb->vq, s, segs, 1 + ndata, 1);
	}
	if (ret < 0) {
		slot_put(vb, s);
		return ret == -ENOSPC ? -EBUSY : ret;
	}
	req->drv_priv = s;
	uk_virtqueue_kick(vb->vq);
	return 0;
}

/* The result of a used buffer the core accepted, or -EIO if bogus. */
static int vblk_result(struct vblk *vb, struct vblk_slot *s, uint32_t len)
{
	switch (s->status) {
	case VIRTIO_BLK_S_OK:
		if (len != s->in_len) {
			vb->dev.stats.bad_completions++;
			return -EIO;
		}
		return 0;
	case VIRTIO_BLK_S_IOERR:
		return -EIO;
	case VIRTIO_BLK_S_UNSUPP:
		return -ENOTSUP;
	default:
		vb->dev.stats.bad_completions++;
		return -EIO;
	}
}

static int vblk_finish(struct uk_blkdev *dev, uint16_t queue_id __unused)
{
	struct vblk *vb = to_vblk(dev);
	struct uk_blkreq *req;
	struct vblk_slot *s;
	unsigned long errs;
	void *cookie;
	uint32_t len;
	int n = 0, r;

	while ((req = vb->local)) {
		vb->local = req->drv_priv;
		uk_blkdev_req_done(dev, req);
		n++;
	}
	for (;;) {
		r = uk_virtqueue_get(vb->vq, &cookie, &len);
		if (r == 0)
			break;
		s = cookie;
		req = s->req;
		req->result = r < 0 ? -EIO : vblk_result(vb, s, len);
		slot_put(vb, s);
		uk_blkdev_req_done(dev, req);
		n++;
	}
	/* Entries the core dropped or refused (bad id, bad length). */
	errs = uk_virtqueue_errors(vb->vq);
	dev->stats.bad_completions += errs - vb->vq_errors_seen;
	vb->vq_errors_seen = errs;
	return n;
}

static int vblk_intr_enable(struct uk_blkdev *dev, uint16_t queue_id __unused)
{
	struct vblk *vb = to_vblk(dev);

	if (!(vb->flags & UK_BLKDEV_F_QUEUE_INTR))
		return -ENOTSUP;
	return uk_virtqueue_intr_enable(vb->vq) || vb->local ? 1 : 0;
}

static int vblk_intr_disable(struct uk_blkdev *dev,
			     uint16_t queue_id __unused)
{
	uk_virtqueue_intr_disable(to_vblk(dev)->vq);
	return 0;
}

/*
 * No configure, queue_configure or start: the ring was sized at probe
 * (virtio queues are set up before the device is started).
 */
static const struct uk_blkdev_ops vblk_ops = {
	.info_get = vblk_info_get,
	.submit_one = vblk_submit,
	.finish_reqs = vblk_finish,
	.queue_intr_enable = vblk_intr_enable,
	.queue_intr_disable = vblk_intr_disable,
};

/* Interrupt context: hand the event to the queue's user. */
static void vblk_vq_event(struct uk_virtqueue *vq __unused, void *arg)
{
	uk_blkdev_queue_event(arg, 0);
}

static uint32_t cfg32(struct uk_virtio_dev *vdev, unsigned int off)
{
	uint32_t v;

	uk_virtio_config_read(vdev, off, &v, sizeof(v));
	return v;
}

/*
 * Sector size, segment length and request size from the configuration
 * and the ring size. 0, or -EINVAL for a configuration we cannot use.
 */
static int vblk_geometry(struct vblk *vb, uint16_t ring)
{
	struct uk_virtio_dev *vdev = vb->vdev;
	uint64_t cap, max_bytes;
	uint32_t v, segs = 1;

	vb->ssize = VBLK_SECTOR;
	if (uk_virtio_has_feature(vdev, VIRTIO_BLK_F_BLK_SIZE)) {
		v = cfg32(vdev, VIRTIO_BLK_CFG_BLK_SIZE);
		if (v >= VBLK_SECTOR && v <= 65536 && !(v & (v - 1)))
			vb->ssize = v;
		else
			uk_pr_warn("virtio-blk: ignoring blk_size %u\n", v);
	}
	uk_virtio_config_read(vdev, VIRTIO_BLK_CFG_CAPACITY, &cap, sizeof(cap));
	vb->sectors = cap / (vb->ssize / VBLK_SECTOR);

	/* Segments: what the device takes and what the ring can hold. */
	if (uk_virtio_has_feature(vdev, VIRTIO_BLK_F_SEG_MAX)) {
		segs = cfg32(vdev, VIRTIO_BLK_CFG_SEG_MAX);
		if (segs == 0)
			segs = 1;
	}
	if (ring < 3)
		return -EINVAL;
	segs = MIN(MIN(segs, (uint32_t)ring - 2), (uint32_t)VBLK_MAX_SEGS);
	vb->seg_len = CONFIG_LIBUKVIRTIOBLK_MAX_SECTORS * VBLK_SECTOR;
	if (uk_virtio_has_feature(vdev, VIRTIO_BLK_F_SIZE_MAX)) {
		v = cfg32(vdev, VIRTIO_BLK_CFG_SIZE_MAX);
		if (v < vb->ssize) {
			uk_pr_err("virtio-blk: size_max %u is below the "
				  "sector size %u\n", v, vb->ssize);
			return -EINVAL;
		}
		vb->seg_len = MIN(vb->seg_len, v);
	}
	vb->seg_len = ALIGN_DOWN(vb->seg_len, vb->ssize);
	max_bytes = MIN((uint64_t)segs * vb->seg_len,
			(uint64_t)CONFIG_LIBUKVIRTIOBLK_MAX_SECTORS *
				VBLK_SECTOR);
	vb->max_sectors = (uint32_t)(max_bytes / vb->ssize);
	if (vb->max_sectors == 0)
		return -EINVAL;
	return 0;
}

/*
 * Once its queue is set up, the core holds a pointer to vb (the queue
 * callback's argument): on a later failure vb is left allocated, never
 * freed under the core.
 */
/*
 * Negotiate, check the configuration, set up queue 0, start the device and
 * register a ukblkdev device. 0 or -errno (-EINVAL: unusable
 * configuration). Reached through the virtio driver table only.
 */
static int vblk_probe(struct uk_virtio_dev *vdev)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct vblk *vb;
	uint16_t ring;
	int ret;

	ret = uk_virtio_negotiate(vdev, (1ULL << VIRTIO_BLK_F_SIZE_MAX) |
					(1ULL << VIRTIO_BLK_F_SEG_MAX) |
					(1ULL << VIRTIO_BLK_F_RO) |
					(1ULL << VIRTIO_BLK_F_BLK_SIZE) |
					(1ULL << VIRTIO_BLK_F_FLUSH));
	if (ret < 0)
		return ret;
	vb = uk_calloc(a, 1, sizeof(*vb));
	if (!vb)
		return -ENOMEM;
	vb->vdev = vdev;
	vb->vq = uk_virtio_vq_setup(vdev, 0, CONFIG_LIBUKVIRTIOBLK_RING_SIZE,
				    vblk_vq_event, &vb->dev, a);
	if (!vb->vq) {
		uk_free(a, vb);
		return -ENODEV;
	}
	uk_virtqueue_intr_disable(vb->vq);
	ring = uk_virtqueue_size(vb->vq);
	ret = vblk_geometry(vb, ring);
	if (ret < 0)
		return ret;
	/*
	 * A request takes at least one descriptor, so ring slots never run
	 * out before the ring does. A legacy device imposes its own (often
	 * larger) ring: then requests in flight are limited as if the ring
	 * had the configured size, three descriptors each.
	 */
	vb->nslots = ring;
	if (CONFIG_LIBUKVIRTIOBLK_RING_SIZE &&
	    ring > CONFIG_LIBUKVIRTIOBLK_RING_SIZE)
		vb->nslots = MAX(CONFIG_LIBUKVIRTIOBLK_RING_SIZE / 3, 1);
	vb->slots = uk_calloc(a, vb->nslots, sizeof(*vb->slots));
	if (!vb->slots)
		return -ENOMEM;
	for (uint16_t i = 0; i < vb->nslots; i++)
		vb->slots[i].next_free = i + 1 < vb->nslots ? i + 1 : NO_SLOT;
	vb->free_head = 0;
	/* Without an interrupt, users poll (uk_blkdev_queue_finish). */
	vb->flags = vdev->no_intr ? 0 : UK_BLKDEV_F_QUEUE_INTR;
	if (uk_virtio_has_feature(vdev, VIRTIO_BLK_F_RO))
		vb->flags |= UK_BLKDEV_F_READONLY;
	if (uk_virtio_has_feature(vdev, VIRTIO_BLK_F_FLUSH))
		vb->flags |= UK_BLKDEV_F_FLUSH;
	ret = uk_virtio_start(vdev);
	if (ret < 0)
		return ret;
	vb->dev.ops = &vblk_ops;
	vb->dev.drv_name = "virtio-blk";
	vdev->driver_priv = vb;
	return uk_blkdev_register(&vb->dev);
}

UK_VIRTIO_DRIVER(virtioblk, UK_VIRTIO_ID_BLK, vblk_probe);
