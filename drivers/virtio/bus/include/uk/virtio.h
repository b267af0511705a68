/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio for device drivers (virtio 1.x; legacy 0.9.5 devices too): the
 * driver registry, feature negotiation, device configuration, and split
 * virtqueues. The transports (virtio-pci on -M pc, virtio-mmio on
 * microvm) find the devices and stay hidden behind this header.
 *
 * A driver registers by virtio device id:
 *
 *	static int probe(struct uk_virtio_dev *vdev);
 *	UK_VIRTIO_DRIVER(mydrv, UK_VIRTIO_ID_NET, probe);
 *
 * Probe runs once per device from a PLAT-class initcall (allocator and
 * interrupts up), with the device reset and ACKNOWLEDGE|DRIVER set. It:
 *   1. uk_virtio_negotiate(vdev, features it wants)   (FEATURES_OK)
 *   2. reads its configuration (uk_virtio_config_read)
 *   3. uk_virtio_vq_setup() for each queue it uses
 *   4. uk_virtio_start()                              (DRIVER_OK)
 * and returns 0, or a negative errno after which the core marks the
 * device FAILED. Buffers may be added to a queue between 3 and 4, but
 * kicked only after 4.
 *
 * Data path, per queue (not thread-safe: one user per queue, interrupts
 * off where a callback may run concurrently):
 *   uk_virtqueue_add()    post a buffer: out segments (device reads)
 *                         then in segments (device writes), with a
 *                         cookie given back on completion
 *   uk_virtqueue_kick()   publish the added buffers, notify the device
 *                         unless it asked not to be (NO_NOTIFY/EVENT_IDX)
 *   uk_virtqueue_get()    take one used buffer: its cookie and the bytes
 *                         the device wrote. Used entries are validated:
 *                         an id out of range or not in flight is dropped
 *                         and counted; a length larger than the posted
 *                         in-segments returns -EIO with the cookie (its
 *                         data must not be trusted) and is counted.
 *   uk_virtqueue_intr_enable/_disable()   interrupt suppression
 * The queue's callback runs in interrupt context when the device
 * signals the queue; it typically disables the queue's interrupt and
 * wakes whoever drains it.
 *
 * Memory: the rings and the buffers must be addressable by the device:
 * kvm identity-maps RAM, so a pointer is its physical address.
 */
#ifndef UK_VIRTIO_H
#define UK_VIRTIO_H

#include <uk/essentials.h>
#include <uk/section.h>

struct uk_alloc;

/* Device ids (virtio 1.x, section 5). */
#define UK_VIRTIO_ID_NET	1
#define UK_VIRTIO_ID_BLK	2
#define UK_VIRTIO_ID_CONSOLE	3
#define UK_VIRTIO_ID_RNG	4
#define UK_VIRTIO_ID_9P		9

/* Transport-independent feature bits the core understands. */
#define UK_VIRTIO_F_RING_INDIRECT_DESC	28
#define UK_VIRTIO_F_RING_EVENT_IDX	29
#define UK_VIRTIO_F_VERSION_1		32

struct uk_virtio_dev;
struct uk_virtqueue;

struct uk_virtio_driver {
	const char *name;
	uint16_t device_id;
	/* 0: the driver owns the device; -errno: FAILED, left alone. */
	int (*probe)(struct uk_virtio_dev *vdev);
};

#define UK_VIRTIO_DRIVER(name_, id_, probe_)                                 \
	UK_TABLE_ENTRY(virtiodrv, 0, struct uk_virtio_driver,                \
		       __uk_virtiodrv_##name_) = {                           \
		.name = #name_,                                              \
		.device_id = (id_),                                          \
		.probe = (probe_),                                           \
	}

UK_TABLE_DECLARE(virtiodrv, struct uk_virtio_driver);

struct uk_virtio_dev {
	uint16_t device_id;	/* UK_VIRTIO_ID_* */
	uint64_t features;	/* negotiated (after uk_virtio_negotiate) */
	int legacy;		/* 1: a 0.9.5 (legacy) transport */
	const char *transport;	/* "pci", "mmio": for messages */
	/*
	 * 1: the transport found no interrupt for the device (no line, no
	 * vector): queue callbacks never run, the driver must offer its
	 * users polling only.
	 */
	int no_intr;
	void *driver_priv;	/* the driver's */
	/* Private to the core and the transport. */
	const struct virtio_transport_ops *ops;
	unsigned int nr_vqs;
	struct uk_virtqueue *vqs[8];
};

static inline int uk_virtio_has_feature(const struct uk_virtio_dev *vdev,
					unsigned int bit)
{
	return !!(vdev->features & (1ULL << bit));
}

/*
 * Accept the features of @want the device offers, plus VERSION_1 on a
 * modern transport and EVENT_IDX (the core handles it), and set
 * FEATURES_OK. vdev->features then holds the result. Returns 0 or -EIO
 * (the device refused the set; it is then FAILED).
 */
int uk_virtio_negotiate(struct uk_virtio_dev *vdev, uint64_t want);

/*
 * Copy @len bytes of the device configuration at @off into @buf, retried
 * until the device's configuration generation is stable (a multi-byte
 * field is never torn). Fields are little-endian (legacy: native).
 */
void uk_virtio_config_read(struct uk_virtio_dev *vdev, unsigned int off,
			   void *buf, unsigned int len);

/* Called in interrupt context with the queue and the setup's @arg. */
typedef void (*uk_virtqueue_callback_t)(struct uk_virtqueue *vq, void *arg);

/*
 * Set up queue @index with at most @max_size descriptors (0: the
 * device's maximum; the size is the largest power of two that fits both),
 * rings allocated from @a (NULL: the default heap), interrupts enabled and
 * @cb (NULL: none, poll with uk_virtqueue_get) called when the device
 * signals it. Returns the queue or NULL (no such queue, no memory, no
 * interrupt vector).
 */
struct uk_virtqueue *uk_virtio_vq_setup(struct uk_virtio_dev *vdev,
					uint16_t index, uint16_t max_size,
					uk_virtqueue_callback_t cb, void *arg,
					struct uk_alloc *a);

/* Set DRIVER_OK: the device runs. 0 or -EIO (the device failed). */
int uk_virtio_start(struct uk_virtio_dev *vdev);

/* One piece of a buffer: @len bytes at @addr (a kernel pointer). */
struct uk_virtqueue_seg {
	void *addr;
	uint32_t len;
};

/*
 * Post @nout device-readable then @nin device-writable segments of @segs
 * as one buffer identified by @cookie (not NULL). Returns 0, -ENOSPC when
 * fewer than @nout + @nin descriptors are free (nothing is posted), or
 * -EINVAL (no segment, NULL cookie). Visible to the device at the next
 * kick.
 */
int uk_virtqueue_add(struct uk_virtqueue *vq, void *cookie,
		     const struct uk_virtqueue_seg *segs, unsigned int nout,
		     unsigned int nin);

/*
 * Publish what was added and notify the device if it wants to be.
 * Returns 1 when it notified, 0 when suppressed.
 */
int uk_virtqueue_kick(struct uk_virtqueue *vq);

/*
 * Take the next used buffer: 1 with *@cookie and *@len (bytes the device
 * wrote into the in-segments), 0 when there is none, -EIO with *@cookie
 * for a buffer the device returned with an impossible length (its
 * descriptors are free again; the data is not to be trusted). Entries
 * with a bad id are skipped and counted.
 */
int uk_virtqueue_get(struct uk_virtqueue *vq, void **cookie, uint32_t *len);

/*
 * Interrupt suppression: after _disable() the device is asked not to
 * interrupt for this queue. _enable() asks for interrupts again and
 * returns 1 when used buffers are already waiting (no interrupt will
 * come for them: drain first), else 0.
 */
void uk_virtqueue_intr_disable(struct uk_virtqueue *vq);
int uk_virtqueue_intr_enable(struct uk_virtqueue *vq);

/* 1 when the device has returned buffers not taken yet. */
int uk_virtqueue_has_used(struct uk_virtqueue *vq);

uint16_t uk_virtqueue_size(const struct uk_virtqueue *vq);
/* Free descriptors: a buffer of n segments needs n. */
uint16_t uk_virtqueue_free_count(const struct uk_virtqueue *vq);
/* Used entries dropped or returned with -EIO since setup. */
unsigned long uk_virtqueue_errors(const struct uk_virtqueue *vq);

#endif /* UK_VIRTIO_H */
