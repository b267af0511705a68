/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio over MMIO (virtio 1.x, 4.2): version 2 and the legacy version 1
 * register windows that QEMU's microvm describes on the kernel command
 * line (the platform hands them over as bootinfo devices). One
 * level-triggered interrupt line per window; its handler acknowledges
 * the interrupt status, then calls every queue's callback.
 */
#include <errno.h>
#include <uk/alloc.h>
#include <uk/arch/cpu.h>
#include <uk/init.h>
#include <uk/plat/bootinfo.h>
#include <uk/plat/irq.h>
#include <uk/plat/mmio.h>
#include <uk/print.h>
#include <uk/virtio_impl.h>

#define MAGIC_VALUE	0x74726976	/* "virt" */

#define R_MAGIC		0x000
#define R_VERSION	0x004
#define R_DEVICE_ID	0x008
#define R_DF		0x010
#define R_DF_SEL	0x014
#define R_GF		0x020
#define R_GF_SEL	0x024
#define R_GUEST_PAGE	0x028	/* legacy */
#define R_Q_SEL		0x030
#define R_Q_NUM_MAX	0x034
#define R_Q_NUM		0x038
#define R_Q_ALIGN	0x03c	/* legacy */
#define R_Q_PFN		0x040	/* legacy */
#define R_Q_READY	0x044
#define R_Q_NOTIFY	0x050
#define R_INT_STATUS	0x060
#define R_INT_ACK	0x064
#define R_STATUS	0x070
#define R_Q_DESC	0x080
#define R_Q_AVAIL	0x090
#define R_Q_USED	0x0a0
#define R_CFG_GEN	0x0fc
#define R_CONFIG	0x100

struct vmmio {
	struct uk_virtio_dev vdev;
	uintptr_t base;
	uint64_t len;
};

#define to_vmmio(v) container_of(v, struct vmmio, vdev)

static uint32_t rd(struct uk_virtio_dev *vdev, unsigned int reg)
{
	return mmio_read32(to_vmmio(vdev)->base + reg);
}

static void wr(struct uk_virtio_dev *vdev, unsigned int reg, uint32_t v)
{
	mmio_write32(to_vmmio(vdev)->base + reg, v);
}

static uint64_t features_get(struct uk_virtio_dev *vdev)
{
	uint64_t f;

	wr(vdev, R_DF_SEL, 0);
	f = rd(vdev, R_DF);
	wr(vdev, R_DF_SEL, 1);
	return f | (uint64_t)rd(vdev, R_DF) << 32;
}

static void features_set(struct uk_virtio_dev *vdev, uint64_t f)
{
	wr(vdev, R_GF_SEL, 0);
	wr(vdev, R_GF, (uint32_t)f);
	wr(vdev, R_GF_SEL, 1);
	wr(vdev, R_GF, (uint32_t)(f >> 32));
}

static uint8_t status_get(struct uk_virtio_dev *vdev)
{
	return rd(vdev, R_STATUS);
}

static void status_set(struct uk_virtio_dev *vdev, uint8_t s)
{
	wr(vdev, R_STATUS, s);
}

static void reset(struct uk_virtio_dev *vdev)
{
	wr(vdev, R_STATUS, 0);
	while (!vdev->legacy && rd(vdev, R_STATUS))
		cpu_relax();
}

static uint8_t config_generation(struct uk_virtio_dev *vdev)
{
	return vdev->legacy ? 0 : rd(vdev, R_CFG_GEN);
}

static void config_read(struct uk_virtio_dev *vdev, unsigned int off,
			void *buf, unsigned int len)
{
	struct vmmio *m = to_vmmio(vdev);
	uint8_t *dst = buf;
	unsigned int i;

	for (i = 0; i < len; i++) {
		if (R_CONFIG + off + i >= m->len)
			dst[i] = 0;
		else
			dst[i] = mmio_read8(m->base + R_CONFIG + off + i);
	}
}

static uint16_t vq_max_size(struct uk_virtio_dev *vdev, uint16_t index)
{
	uint32_t max;

	wr(vdev, R_Q_SEL, index);
	if (!vdev->legacy && rd(vdev, R_Q_READY))
		return 0;
	max = rd(vdev, R_Q_NUM_MAX);
	return max > 32768 ? 32768 : max;
}

static void notify(struct uk_virtqueue *vq)
{
	mmio_write32(vq->notify_addr, vq->index);
}

static int vq_enable(struct uk_virtio_dev *vdev, struct uk_virtqueue *vq)
{
	uint64_t a;

	wr(vdev, R_Q_SEL, vq->index);
	wr(vdev, R_Q_NUM, vq->size);
	if (vdev->legacy) {
		if ((uintptr_t)vq->desc >> 12 > 0xffffffffUL)
			return -EINVAL;
		wr(vdev, R_GUEST_PAGE, 4096);
		wr(vdev, R_Q_ALIGN, VRING_ALIGN);
		wr(vdev, R_Q_PFN, (uintptr_t)vq->desc >> 12);
	} else {
		a = (uintptr_t)vq->desc;
		wr(vdev, R_Q_DESC, a), wr(vdev, R_Q_DESC + 4, a >> 32);
		a = (uintptr_t)vq->avail;
		wr(vdev, R_Q_AVAIL, a), wr(vdev, R_Q_AVAIL + 4, a >> 32);
		a = (uintptr_t)vq->used;
		wr(vdev, R_Q_USED, a), wr(vdev, R_Q_USED + 4, a >> 32);
		wr(vdev, R_Q_READY, 1);
	}
	vq->notify_addr = to_vmmio(vdev)->base + R_Q_NOTIFY;
	vq->notify = notify;
	return 0;
}

static const struct virtio_transport_ops mmio_ops = {
	.features_get = features_get,
	.features_set = features_set,
	.status_get = status_get,
	.status_set = status_set,
	.reset = reset,
	.config_generation = config_generation,
	.config_read = config_read,
	.vq_max_size = vq_max_size,
	.vq_enable = vq_enable,
};

static int mmio_irq(void *arg)
{
	struct uk_virtio_dev *vdev = arg;
	uint32_t st = rd(vdev, R_INT_STATUS);

	if (!st)
		return 0;
	/* Acknowledged first: a buffer used after this raises it again. */
	wr(vdev, R_INT_ACK, st);
	_virtio_irq_all_queues(vdev);
	return 1;
}

static void probe_window(const struct uk_bootdev *bd)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct vmmio *m;
	uint32_t version, id;
	int rc;

	if (bd->len < R_CONFIG || !a)
		return;
	rc = uk_plat_mmio_map(bd->base, bd->len);
	if (rc < 0) {
		uk_pr_err("virtio-mmio: window %llx+%llx refused: %d\n",
			  (unsigned long long)bd->base,
			  (unsigned long long)bd->len, rc);
		return;
	}
	if (mmio_read32(bd->base + R_MAGIC) != MAGIC_VALUE)
		return;
	version = mmio_read32(bd->base + R_VERSION);
	id = mmio_read32(bd->base + R_DEVICE_ID);
	if (id == 0)
		return;		/* an empty slot */
	if (!_virtio_driver_exists(id)) {
		uk_pr_info("virtio-mmio: %llx: no driver for device id %u\n",
			   (unsigned long long)bd->base, id);
		return;
	}
	if (version != 1 && version != 2) {
		uk_pr_err("virtio-mmio: %llx: unknown version %u\n",
			  (unsigned long long)bd->base, version);
		return;
	}
	m = uk_calloc(a, 1, sizeof(*m));
	if (!m)
		return;
	m->base = bd->base;
	m->len = bd->len;
	m->vdev.ops = &mmio_ops;
	m->vdev.transport = "mmio";
	m->vdev.legacy = version == 1;
	m->vdev.device_id = id;
	if (uk_plat_irq_set_trigger(bd->irq, UK_IRQ_TRIGGER_LEVEL_HIGH) < 0 ||
	    uk_plat_irq_register(bd->irq, mmio_irq, &m->vdev) < 0) {
		m->vdev.no_intr = 1;
		uk_pr_warn("virtio-mmio: %llx: no interrupt line %u: poll only\n",
			   (unsigned long long)bd->base, bd->irq);
	}
	uk_pr_info("virtio-mmio: %llx irq %u device %u, version %u\n",
		   (unsigned long long)bd->base, bd->irq, id, version);
	_virtio_dev_found(&m->vdev);
}

static int virtio_mmio_init(void)
{
	struct uk_bootinfo *bi = uk_plat_bootinfo();
	unsigned int i;

	for (i = 0; i < bi->nr_devices; i++)
		if (bi->devices[i].type == UK_BOOTDEV_VIRTIO_MMIO)
			probe_window(&bi->devices[i]);
	return 0;
}

uk_initcall_class_prio(virtio_mmio_init, NULL, UK_INIT_CLASS_PLAT, 7);
