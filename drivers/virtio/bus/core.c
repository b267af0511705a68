/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The virtio core: the status handshake, feature negotiation, device
 * configuration and queue setup over whatever transport found the
 * device, and the driver registry (virtiodrv table, by device id).
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/print.h>
#include <uk/virtio.h>
#include <uk/virtio_impl.h>

static void add_status(struct uk_virtio_dev *vdev, uint8_t bits)
{
	vdev->ops->status_set(vdev, vdev->ops->status_get(vdev) | bits);
}

int uk_virtio_negotiate(struct uk_virtio_dev *vdev, uint64_t want)
{
	uint64_t offered = vdev->ops->features_get(vdev);

	want |= 1ULL << UK_VIRTIO_F_RING_EVENT_IDX;
	if (!vdev->legacy)
		want |= 1ULL << UK_VIRTIO_F_VERSION_1;
	else
		want &= 0xffffffffULL;
	vdev->features = offered & want;
	vdev->ops->features_set(vdev, vdev->features);
	if (vdev->legacy)
		return 0;
	add_status(vdev, VIRTIO_S_FEATURES_OK);
	if (!(vdev->ops->status_get(vdev) & VIRTIO_S_FEATURES_OK)) {
		uk_pr_err("virtio-%s: device %u refused features %llx\n",
			  vdev->transport, vdev->device_id,
			  (unsigned long long)vdev->features);
		add_status(vdev, VIRTIO_S_FAILED);
		return -EIO;
	}
	return 0;
}

void uk_virtio_config_read(struct uk_virtio_dev *vdev, unsigned int off,
			   void *buf, unsigned int len)
{
	uint8_t gen;

	do {
		gen = vdev->ops->config_generation(vdev);
		vdev->ops->config_read(vdev, off, buf, len);
	} while (gen != vdev->ops->config_generation(vdev));
}

struct uk_virtqueue *uk_virtio_vq_setup(struct uk_virtio_dev *vdev,
					uint16_t index, uint16_t max_size,
					uk_virtqueue_callback_t cb, void *arg,
					struct uk_alloc *a)
{
	uint16_t dev_max = vdev->ops->vq_max_size(vdev, index), size = 1;
	struct uk_virtqueue *vq;
	size_t priv;
	void *mem;

	if (!dev_max || vdev->nr_vqs == ARRAY_SIZE(vdev->vqs))
		return NULL;
	if (!max_size || max_size > dev_max)
		max_size = dev_max;
	while (size * 2 <= max_size && size < 32768)
		size *= 2;
	if (!a)
		a = uk_alloc_get_default();
	if (!a)
		return NULL;
	/* Legacy PCI queues have the size the device says, no other. */
	if (vdev->ops->vq_size_fixed)
		size = dev_max;
	if (size & (size - 1))
		return NULL;
	priv = sizeof(*vq) + size * (sizeof(struct vq_slot) +
				     sizeof(uint16_t));
	vq = uk_calloc(a, 1, priv);
	if (!vq)
		return NULL;
	vq->slot = (struct vq_slot *)(vq + 1);
	vq->next = (uint16_t *)(vq->slot + size);
	/* The descriptor table starts the ring memory (_vring_init). */
	mem = uk_memalign(a, VRING_ALIGN, _vring_bytes(size));
	if (!mem)
		goto err_free_vq;
	memset(mem, 0, _vring_bytes(size));
	_vring_init(vq, size, mem,
		    uk_virtio_has_feature(vdev, UK_VIRTIO_F_RING_EVENT_IDX));
	vq->vdev = vdev;
	vq->index = index;
	vq->cb = cb;
	vq->cb_arg = arg;
	if (vdev->ops->vq_enable(vdev, vq) < 0)
		goto err_free_ring;
	vdev->vqs[vdev->nr_vqs++] = vq;
	return vq;

err_free_ring:
	uk_free(a, mem);
err_free_vq:
	uk_free(a, vq);
	return NULL;
}

int uk_virtio_start(struct uk_virtio_dev *vdev)
{
	add_status(vdev, VIRTIO_S_DRIVER_OK);
	if (vdev->ops->status_get(vdev) & VIRTIO_S_NEEDS_RESET)
		return -EIO;
	return 0;
}

void _virtio_irq_all_queues(struct uk_virtio_dev *vdev)
{
	unsigned int i;

	for (i = 0; i < vdev->nr_vqs; i++)
		if (vdev->vqs[i]->cb)
			vdev->vqs[i]->cb(vdev->vqs[i], vdev->vqs[i]->cb_arg);
}

int _virtio_driver_exists(uint16_t device_id)
{
	const struct uk_virtio_driver *drv;

	UK_TABLE_FOREACH(drv, virtiodrv)
		if (drv->device_id == device_id)
			return 1;
	return 0;
}

void _virtio_dev_found(struct uk_virtio_dev *vdev)
{
	const struct uk_virtio_driver *drv;
	int rc;

	vdev->ops->reset(vdev);
	UK_TABLE_FOREACH(drv, virtiodrv) {
		if (drv->device_id != vdev->device_id)
			continue;
		add_status(vdev, VIRTIO_S_ACK | VIRTIO_S_DRIVER);
		rc = drv->probe(vdev);
		if (rc == 0)
			return;
		uk_pr_err("virtio-%s: %s failed on device %u: %d\n",
			  vdev->transport, drv->name, vdev->device_id, rc);
		add_status(vdev, VIRTIO_S_FAILED);
		return;
	}
	uk_pr_info("virtio-%s: no driver for device id %u\n",
		   vdev->transport, vdev->device_id);
}
