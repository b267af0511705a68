/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio over PCI (virtio 1.x, 4.1): the modern transport, whose
 * registers are found through vendor capabilities (common, notify, isr
 * and device configuration windows in memory BARs), and the legacy
 * 0.9.5 transport of transitional devices without them (QEMU's
 * disable-modern=on): an I/O BAR with fixed registers.
 *
 * Interrupts: modern devices with MSI-X get one vector per queue (the
 * configuration-change interrupt is not used); otherwise the INTx line,
 * whose handler reads the ISR (which also lowers the line) and calls
 * every queue's callback.
 */
#include <errno.h>
#include <uk/alloc.h>
#include <uk/arch/cpu.h>
#include <uk/bus/pci.h>
#include <uk/print.h>
#include <uk/virtio_impl.h>

#define VIRTIO_PCI_VENDOR	0x1af4
#define VIRTIO_PCI_MODERN_BASE	0x1040

/* Vendor capability: cfg_type at 3, bar at 4, offset at 8, length at 12. */
#define CAP_COMMON	1
#define CAP_NOTIFY	2
#define CAP_ISR		3
#define CAP_DEVICE	4
#define NOTIFY_MULT	16

/* Common configuration (modern). */
#define C_DFSELECT	0
#define C_DF		4
#define C_GFSELECT	8
#define C_GF		12
#define C_MSIX_CONFIG	16
#define C_NUM_QUEUES	18
#define C_STATUS	20
#define C_CFG_GEN	21
#define C_Q_SELECT	22
#define C_Q_SIZE	24
#define C_Q_MSIX	26
#define C_Q_ENABLE	28
#define C_Q_NOFF	30
#define C_Q_DESC	32
#define C_Q_AVAIL	40
#define C_Q_USED	48
#define NO_VECTOR	0xffff

/* Legacy registers (I/O BAR 0), MSI-X off. */
#define L_HOST_F	0
#define L_GUEST_F	4
#define L_Q_PFN		8
#define L_Q_SIZE	12
#define L_Q_SELECT	14
#define L_Q_NOTIFY	16
#define L_STATUS	18
#define L_ISR		19
#define L_CONFIG	20

struct vpci {
	struct uk_virtio_dev vdev;
	struct uk_pci_dev *pdev;
	volatile uint8_t *common, *isr, *devcfg;
	uintptr_t notify;
	uint32_t notify_mult;
	uint32_t devcfg_len;
	uint16_t io;		/* legacy */
	int msix;		/* MSI-X table size, 0: INTx */
};

#define to_vpci(v) container_of(v, struct vpci, vdev)

/* Register @o of the capability window at @b, through the arch's MMIO
 * accessors. */
static inline void w8(volatile uint8_t *b, unsigned int o, uint8_t v)
{
	mmio_write8((uintptr_t)b + o, v);
}
static inline void w16(volatile uint8_t *b, unsigned int o, uint16_t v)
{
	mmio_write16((uintptr_t)b + o, v);
}
static inline void w32(volatile uint8_t *b, unsigned int o, uint32_t v)
{
	mmio_write32((uintptr_t)b + o, v);
}
static inline uint8_t r8(volatile uint8_t *b, unsigned int o)
{
	return mmio_read8((uintptr_t)b + o);
}
static inline uint16_t r16(volatile uint8_t *b, unsigned int o)
{
	return mmio_read16((uintptr_t)b + o);
}
static inline uint32_t r32(volatile uint8_t *b, unsigned int o)
{
	return mmio_read32((uintptr_t)b + o);
}

/* ------------------------------------------------------------ modern -- */

static uint64_t m_features_get(struct uk_virtio_dev *vdev)
{
	struct vpci *p = to_vpci(vdev);
	uint64_t f;

	w32(p->common, C_DFSELECT, 0);
	f = r32(p->common, C_DF);
	w32(p->common, C_DFSELECT, 1);
	return f | (uint64_t)r32(p->common, C_DF) << 32;
}

static void m_features_set(struct uk_virtio_dev *vdev, uint64_t f)
{
	struct vpci *p = to_vpci(vdev);

	w32(p->common, C_GFSELECT, 0);
	w32(p->common, C_GF, (uint32_t)f);
	w32(p->common, C_GFSELECT, 1);
	w32(p->common, C_GF, (uint32_t)(f >> 32));
}

static uint8_t m_status_get(struct uk_virtio_dev *vdev)
{
	return r8(to_vpci(vdev)->common, C_STATUS);
}

static void m_status_set(struct uk_virtio_dev *vdev, uint8_t s)
{
	w8(to_vpci(vdev)->common, C_STATUS, s);
}

static void m_reset(struct uk_virtio_dev *vdev)
{
	struct vpci *p = to_vpci(vdev);

	w8(p->common, C_STATUS, 0);
	/* The reset is complete when the status reads back 0. */
	while (r8(p->common, C_STATUS))
		cpu_relax();
}

static uint8_t m_config_generation(struct uk_virtio_dev *vdev)
{
	return r8(to_vpci(vdev)->common, C_CFG_GEN);
}

static void m_config_read(struct uk_virtio_dev *vdev, unsigned int off,
			  void *buf, unsigned int len)
{
	struct vpci *p = to_vpci(vdev);
	uint8_t *dst = buf;
	uint32_t v;
	uint16_t h;
	unsigned int i;

	if (!p->devcfg || off + len > p->devcfg_len || off + len < off) {
		for (i = 0; i < len; i++)
			dst[i] = 0;
		return;
	}
	/* Fields are read with their own width, as the spec asks. */
	if (len == 2 && !(off & 1)) {
		h = r16(p->devcfg, off);
		dst[0] = h, dst[1] = h >> 8;
		return;
	}
	if ((len == 4 || len == 8) && !(off & 3)) {
		for (i = 0; i < len; i += 4) {
			v = r32(p->devcfg, off + i);
			dst[i] = v, dst[i + 1] = v >> 8;
			dst[i + 2] = v >> 16, dst[i + 3] = v >> 24;
		}
		return;
	}
	for (i = 0; i < len; i++)
		dst[i] = r8(p->devcfg, off + i);
}

static uint16_t m_vq_max_size(struct uk_virtio_dev *vdev, uint16_t index)
{
	struct vpci *p = to_vpci(vdev);

	if (index >= r16(p->common, C_NUM_QUEUES))
		return 0;
	w16(p->common, C_Q_SELECT, index);
	return r16(p->common, C_Q_SIZE);
}

static void m_notify(struct uk_virtqueue *vq)
{
	mmio_write16(vq->notify_addr, vq->index);
}

static int vq_irq(void *arg)
{
	struct uk_virtqueue *vq = arg;

	if (vq->cb)
		vq->cb(vq, vq->cb_arg);
	return 1;
}

static int m_vq_enable(struct uk_virtio_dev *vdev, struct uk_virtqueue *vq)
{
	struct vpci *p = to_vpci(vdev);
	uint16_t vector = NO_VECTOR;
	int rc;

	if (p->msix) {
		vector = vdev->nr_vqs;
		if (vector >= p->msix)
			return -ENOSPC;
		rc = uk_pci_msix_set(p->pdev, vector, vq_irq, vq);
		if (rc < 0)
			return rc;
	}
	w16(p->common, C_Q_SELECT, vq->index);
	w16(p->common, C_Q_SIZE, vq->size);
	w32(p->common, C_Q_DESC, (uintptr_t)vq->desc);
	w32(p->common, C_Q_DESC + 4, (uint64_t)(uintptr_t)vq->desc >> 32);
	w32(p->common, C_Q_AVAIL, (uintptr_t)vq->avail);
	w32(p->common, C_Q_AVAIL + 4, (uint64_t)(uintptr_t)vq->avail >> 32);
	w32(p->common, C_Q_USED, (uintptr_t)vq->used);
	w32(p->common, C_Q_USED + 4, (uint64_t)(uintptr_t)vq->used >> 32);
	w16(p->common, C_Q_MSIX, vector);
	if (r16(p->common, C_Q_MSIX) != vector)
		return -EIO;
	vq->notify_addr = p->notify +
			  (uintptr_t)r16(p->common, C_Q_NOFF) * p->notify_mult;
	vq->notify = m_notify;
	w16(p->common, C_Q_ENABLE, 1);
	return 0;
}

static const struct virtio_transport_ops modern_ops = {
	.features_get = m_features_get,
	.features_set = m_features_set,
	.status_get = m_status_get,
	.status_set = m_status_set,
	.reset = m_reset,
	.config_generation = m_config_generation,
	.config_read = m_config_read,
	.vq_max_size = m_vq_max_size,
	.vq_enable = m_vq_enable,
};

/* ------------------------------------------------------------ legacy -- */

static uint64_t l_features_get(struct uk_virtio_dev *vdev)
{
	return inl(to_vpci(vdev)->io + L_HOST_F);
}

static void l_features_set(struct uk_virtio_dev *vdev, uint64_t f)
{
	outl(to_vpci(vdev)->io + L_GUEST_F, (uint32_t)f);
}

static uint8_t l_status_get(struct uk_virtio_dev *vdev)
{
	return inb(to_vpci(vdev)->io + L_STATUS);
}

static void l_status_set(struct uk_virtio_dev *vdev, uint8_t s)
{
	outb(to_vpci(vdev)->io + L_STATUS, s);
}

static void l_reset(struct uk_virtio_dev *vdev)
{
	outb(to_vpci(vdev)->io + L_STATUS, 0);
}

/* Legacy has no generation counter. */
static uint8_t l_config_generation(struct uk_virtio_dev *vdev __unused)
{
	return 0;
}

static void l_config_read(struct uk_virtio_dev *vdev, unsigned int off,
			  void *buf, unsigned int len)
{
	struct vpci *p = to_vpci(vdev);
	uint8_t *dst = buf;
	unsigned int i;

	for (i = 0; i < len; i++) {
		if (L_CONFIG + off + i >= p->pdev->bar[0].size)
			dst[i] = 0;
		else
			dst[i] = inb(p->io + L_CONFIG + off + i);
	}
}

static uint16_t l_vq_max_size(struct uk_virtio_dev *vdev, uint16_t index)
{
	struct vpci *p = to_vpci(vdev);

	outw(p->io + L_Q_SELECT, index);
	return inw(p->io + L_Q_SIZE);
}

static void l_notify(struct uk_virtqueue *vq)
{
	outw((uint16_t)vq->notify_addr, vq->index);
}

static int l_vq_enable(struct uk_virtio_dev *vdev, struct uk_virtqueue *vq)
{
	struct vpci *p = to_vpci(vdev);
	uintptr_t pfn = (uintptr_t)vq->desc >> 12;

	/* The queue PFN register is 32 bits of 4 KiB pages. */
	if (pfn > 0xffffffffUL)
		return -EINVAL;
	outw(p->io + L_Q_SELECT, vq->index);
	outl(p->io + L_Q_PFN, (uint32_t)pfn);
	vq->notify_addr = p->io + L_Q_NOTIFY;
	vq->notify = l_notify;
	return 0;
}

static const struct virtio_transport_ops legacy_ops = {
	.features_get = l_features_get,
	.features_set = l_features_set,
	.status_get = l_status_get,
	.status_set = l_status_set,
	.reset = l_reset,
	.config_generation = l_config_generation,
	.config_read = l_config_read,
	.vq_max_size = l_vq_max_size,
	.vq_enable = l_vq_enable,
	.vq_size_fixed = 1,
};

/* ------------------------------------------------------------- probe -- */

static int intx_irq(void *arg)
{
	struct vpci *p = arg;
	uint8_t isr;

	/* Reading the ISR acknowledges it and lowers the line. */
	isr = p->vdev.legacy ? inb(p->io + L_ISR) : r8(p->isr, 0);
	if (!isr)
		return 0;
	_virtio_irq_all_queues(&p->vdev);
	return 1;
}

/* The window of vendor capability at @cap, mapped; NULL if invalid. */
static volatile uint8_t *cap_window(struct uk_pci_dev *d, unsigned int cap,
				    uint32_t *len)
{
	uint8_t bar = uk_pci_conf_read8(d, cap + 4);
	uint32_t off = uk_pci_conf_read32(d, cap + 8);
	char *base;

	*len = uk_pci_conf_read32(d, cap + 12);
	if (bar >= UK_PCI_NR_BARS || !*len ||
	    (uint64_t)off + *len > d->bar[bar].size)
		return NULL;
	base = uk_pci_bar_map(d, bar);
	return base ? (volatile uint8_t *)(base + off) : NULL;
}

static int find_modern(struct vpci *p)
{
	struct uk_pci_dev *d = p->pdev;
	unsigned int cap;
	uint32_t len;

	for (cap = uk_pci_cap_next(d, UK_PCI_CAP_VENDOR, 0); cap;
	     cap = uk_pci_cap_next(d, UK_PCI_CAP_VENDOR, cap)) {
		volatile uint8_t *w;
		uint8_t type = uk_pci_conf_read8(d, cap + 3);

		if (type < CAP_COMMON || type > CAP_DEVICE)
			continue;
		w = cap_window(d, cap, &len);
		if (!w)
			continue;
		if (type == CAP_COMMON && !p->common && len >= 56)
			p->common = w;
		else if (type == CAP_NOTIFY && !p->notify && len >= 2) {
			p->notify = (uintptr_t)w;
			p->notify_mult = uk_pci_conf_read32(d, cap +
							    NOTIFY_MULT);
		} else if (type == CAP_ISR && !p->isr)
			p->isr = w;
		else if (type == CAP_DEVICE && !p->devcfg) {
			p->devcfg = w;
			p->devcfg_len = len;
		}
	}
	return p->common && p->notify && p->isr;
}

static int vpci_probe(struct uk_pci_dev *d, const struct uk_pci_id *id __unused)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct vpci *p;
	int rc;

	if (d->device_id < 0x1000 || d->device_id > 0x107f || !a)
		return -ENODEV;
	p = uk_calloc(a, 1, sizeof(*p));
	if (!p)
		return -ENOMEM;
	p->pdev = d;
	p->vdev.transport = "pci";
	p->vdev.device_id = d->device_id >= VIRTIO_PCI_MODERN_BASE ?
			    d->device_id - VIRTIO_PCI_MODERN_BASE :
			    d->subsys_id;
	if (!_virtio_driver_exists(p->vdev.device_id)) {
		/* Its INTx stays off (ukbuspci's scan): no handler, no line. */
		uk_pr_info("virtio-pci: %02x:%02x.%x: no driver for device id %u\n",
			   d->bus, d->dev, d->fn, p->vdev.device_id);
		uk_free(a, p);
		return -ENODEV;
	}
	uk_pci_enable(d);
	if (find_modern(p)) {
		p->vdev.ops = &modern_ops;
		rc = uk_pci_msix_enable(d);
		p->msix = rc > 0 ? rc : 0;
		if (p->msix)
			w16(p->common, C_MSIX_CONFIG, NO_VECTOR);
	} else if (d->device_id < VIRTIO_PCI_MODERN_BASE &&
		   (d->bar[0].flags & UK_PCI_BAR_IO) &&
		   d->bar[0].size >= L_CONFIG) {
		p->vdev.ops = &legacy_ops;
		p->vdev.legacy = 1;
		p->io = d->bar[0].addr;
	} else {
		uk_free(a, p);
		return -ENODEV;
	}
	if (!p->msix) {
		rc = uk_pci_intx_register(d, intx_irq, p);
		if (rc < 0) {
			p->vdev.no_intr = 1;
			uk_pr_warn("virtio-pci: %02x:%02x.%x has no interrupt (%d): poll only\n",
				   d->bus, d->dev, d->fn, rc);
		}
	}
	uk_pr_info("virtio-pci: %02x:%02x.%x device %u, %s, %s\n", d->bus,
		   d->dev, d->fn, p->vdev.device_id,
		   p->vdev.legacy ? "legacy" : "modern",
		   p->msix ? "MSI-X" : "INTx");
	_virtio_dev_found(&p->vdev);
	return 0;
}

static const struct uk_pci_id vpci_ids[] = {
	{ .vendor = VIRTIO_PCI_VENDOR, .device = UK_PCI_ANY },
	{ 0 }
};

UK_PCI_DRIVER(virtio, vpci_ids, vpci_probe);
