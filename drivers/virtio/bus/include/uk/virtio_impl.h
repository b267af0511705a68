/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * For implementers of virtio transports only (the core, virtio-pci,
 * virtio-mmio, and the fake devices of tests): the split-ring layout
 * (virtio 1.x, 2.7), the virtqueue state and the transport operations.
 * Device drivers use <uk/virtio.h>.
 */
#ifndef VIRTIO_IMPL_H
#define VIRTIO_IMPL_H

#include <uk/virtio.h>

/* Device status bits. */
#define VIRTIO_S_ACK		1
#define VIRTIO_S_DRIVER		2
#define VIRTIO_S_DRIVER_OK	4
#define VIRTIO_S_FEATURES_OK	8
#define VIRTIO_S_NEEDS_RESET	64
#define VIRTIO_S_FAILED		128

#define VRING_DESC_F_NEXT	1
#define VRING_DESC_F_WRITE	2
#define VRING_AVAIL_F_NO_INTERRUPT 1
#define VRING_USED_F_NO_NOTIFY	1

/* Legacy transports want the used ring on its own page. */
#define VRING_ALIGN		4096

struct vring_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct vring_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[];	/* size entries, then used_event */
};

struct vring_used_elem {
	uint32_t id;
	uint32_t len;
};

struct vring_used {
	uint16_t flags;
	uint16_t idx;
	struct vring_used_elem ring[];	/* size entries, then avail_event */
};

/* What the driver posted under each chain head. */
struct vq_slot {
	void *cookie;		/* NULL: not in flight */
	uint16_t ndesc;
	uint32_t in_len;	/* device-writable bytes posted */
};

struct uk_virtqueue {
	struct uk_virtio_dev *vdev;
	uint16_t index, size;
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
	/* Driver-side state, never read back from shared memory. */
	uint16_t free_head, nr_free;
	uint16_t avail_idx;	/* next avail slot to fill */
	uint16_t kicked_idx;	/* avail idx at the last kick */
	uint16_t last_used;	/* next used slot to read */
	int event_idx;
	int intr_on;		/* interrupts asked for */
	unsigned long errors;
	struct vq_slot *slot;	/* [size] */
	uint16_t *next;		/* [size]: shadow of desc[].next */
	/* Notify the device (the transport's; tests use a fake). */
	void (*notify)(struct uk_virtqueue *vq);
	uk_virtqueue_callback_t cb;
	void *cb_arg;
	/* Transport: where to notify. */
	uintptr_t notify_addr;
};

/* Bytes of the rings of a queue of @size (legacy layout). */
size_t _vring_bytes(uint16_t size);

/*
 * Lay out the rings of @vq in @mem (zeroed, _vring_bytes(size), page
 * aligned) and initialise the free list; slot and next must be set.
 */
void _vring_init(struct uk_virtqueue *vq, uint16_t size, void *mem,
		 int event_idx);

/* Call the callbacks of every queue of @vdev (shared interrupt). */
void _virtio_irq_all_queues(struct uk_virtio_dev *vdev);

/*
 * 1 when a driver is linked for @device_id. A transport sets up the
 * interrupts of such devices only: a device nobody drives must not take
 * a handler (they are few) nor raise a line nobody acknowledges.
 */
int _virtio_driver_exists(uint16_t device_id);

/* Offer @vdev (transport fields set, device reset) to the drivers. */
void _virtio_dev_found(struct uk_virtio_dev *vdev);

struct virtio_transport_ops {
	uint64_t (*features_get)(struct uk_virtio_dev *vdev);
	void (*features_set)(struct uk_virtio_dev *vdev, uint64_t f);
	uint8_t (*status_get)(struct uk_virtio_dev *vdev);
	void (*status_set)(struct uk_virtio_dev *vdev, uint8_t s);
	void (*reset)(struct uk_virtio_dev *vdev);
	uint8_t (*config_generation)(struct uk_virtio_dev *vdev);
	void (*config_read)(struct uk_virtio_dev *vdev, unsigned int off,
			    void *buf, unsigned int len);
	/* Largest size of queue @index, 0 when there is no such queue. */
	uint16_t (*vq_max_size)(struct uk_virtio_dev *vdev, uint16_t index);
	/*
	 * Give the device the rings of @vq (size and addresses set) and
	 * route its interrupt to the queue; fills vq->notify. 0 or -errno.
	 */
	int (*vq_enable)(struct uk_virtio_dev *vdev, struct uk_virtqueue *vq);
	/*
	 * 1 when a queue can only have the size vq_max_size() tells (the
	 * legacy PCI transport has no register to choose it; legacy MMIO
	 * and every modern transport do).
	 */
	int vq_size_fixed;
};

/* Compiler barrier: x86 keeps stores in order and loads in order. */
#define virtio_wmb() __asm__ __volatile__("" ::: "memory")
#define virtio_rmb() __asm__ __volatile__("" ::: "memory")
/* Full barrier: a store then a load of another location. */
#define virtio_mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)

#endif /* VIRTIO_IMPL_H */
