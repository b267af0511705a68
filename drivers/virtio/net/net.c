/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio-net (virtio 1.x, 5.1) as a uknetdev device: queue 0 receives,
 * queue 1 transmits; one queue pair (multiple queues are not
 * negotiated). Each rx buffer is one netbuf posted from hdr_len bytes
 * before its data, so that the device's header lands in the headroom.
 *
 * The device is not trusted: a frame shorter than the header plus an
 * Ethernet header, longer than the MTU allows, a num_buffers of 0 or
 * beyond what is posted, a checksum range outside the frame, or a buffer
 * the virtqueue flags as returned with an impossible length is dropped
 * and counted in rx_errors.
 *
 * tx completions are reaped at the next tx_burst (the tx queue never
 * interrupts); the rx queue's interrupt calls uk_netdev_rxq_event()
 * after disabling itself, as uknetdev's one-event-per-enable asks.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/init.h>
#include <uk/netdev_driver.h>
#include <uk/plat/time.h>
#include <uk/print.h>
#include <uk/virtio.h>

#define VIRTIO_NET_F_CSUM	0
#define VIRTIO_NET_F_GUEST_CSUM	1
#define VIRTIO_NET_F_MTU	3
#define VIRTIO_NET_F_MAC	5
#define VIRTIO_NET_F_MRG_RXBUF	15

#define CFG_MAC		0
#define CFG_MTU		10

#define HDR_F_NEEDS_CSUM	1
#define HDR_F_DATA_VALID	2

#define RXQ		0
#define TXQ		1
#define RING_SIZE	256
#define ETH_HLEN	14
#define ETH_VLAN_HLEN	18
#define DEFAULT_MTU	1500
#define REFILL_BATCH	32
#define MAX_DEVICES	8
/* How long shutdown waits for the last packets to leave. */
#define DRAIN_NS	(200 * UK_NSEC_PER_MSEC)

struct vnet_hdr {
	uint8_t flags;
	uint8_t gso_type;
	uint16_t hdr_len;
	uint16_t gso_size;
	uint16_t csum_start;
	uint16_t csum_offset;
	uint16_t num_buffers;	/* only with MRG_RXBUF or VERSION_1 */
} __packed;

struct vnet {
	struct uk_netdev nd;
	struct uk_virtio_dev *vdev;
	struct uk_virtqueue *rxvq, *txvq;
	uint16_t hdr_len;	/* 12, or 10 for legacy without MRG */
	int mrg;		/* mergeable rx buffers */
	uk_netdev_alloc_rxpkts alloc_rxpkts;
	void *alloc_argp;
};

#define to_vnet(d) container_of(d, struct vnet, nd)

/* The devices found, for the drain at shutdown. */
static struct {
	unsigned int nr;
	struct vnet *devs[MAX_DEVICES];
} found;

static void vnet_info_get(struct uk_netdev *dev, struct uk_netdev_info *info)
{
	struct vnet *v = to_vnet(dev);

	info->max_rx_queues = 1;
	info->max_tx_queues = 1;
	info->max_mtu = dev->mtu;
	info->nb_encap_tx = v->hdr_len;
	info->nb_encap_rx = v->hdr_len;
	info->ioalign = 0;
	info->features = v->vdev->no_intr ? 0 : UK_NETDEV_F_RXQ_INTR;
	if (uk_virtio_has_feature(v->vdev, VIRTIO_NET_F_CSUM))
		info->features |= UK_NETDEV_F_TX_CSUM;
	if (uk_virtio_has_feature(v->vdev, VIRTIO_NET_F_GUEST_CSUM))
		info->features |= UK_NETDEV_F_RX_CSUM |
				  UK_NETDEV_F_PARTIAL_CSUM_RX;
}

static int vnet_configure(struct uk_netdev *dev __unused,
			  const struct uk_netdev_conf *conf)
{
	if (conf->nb_rx_queues != 1 || conf->nb_tx_queues != 1)
		return -ENOTSUP;
	return 0;
}

/* Post fresh buffers from the user until the ring is full or it has none. */
static int rx_refill(struct vnet *v)
{
	struct uk_netbuf *pkts[REFILL_BATCH];
	struct uk_virtqueue_seg seg;
	uint16_t want, got, i;
	int posted = 0, underrun = 0;

	while ((want = MIN(uk_virtqueue_free_count(v->rxvq),
			   REFILL_BATCH)) > 0) {
		got = v->alloc_rxpkts(v->alloc_argp, pkts, want);
		for (i = 0; i < got; i++) {
			struct uk_netbuf *nb = pkts[i];

			if (uk_netbuf_headroom(nb) < v->hdr_len ||
			    uk_netbuf_tailroom(nb) < ETH_HLEN) {
				uk_netbuf_free(nb);
				underrun = 1;
				continue;
			}
			nb->len = 0;
			seg.addr = (char *)nb->data - v->hdr_len;
			seg.len = v->hdr_len + uk_netbuf_tailroom(nb);
			if (uk_virtqueue_add(v->rxvq, nb, &seg, 0, 1) < 0) {
				uk_netbuf_free(nb);
				continue;
			}
			posted++;
		}
		if (got < want) {
			underrun = 1;
			break;
		}
	}
	if (posted)
		uk_virtqueue_kick(v->rxvq);
	return underrun;
}

static void rx_cb(struct uk_virtqueue *vq, void *arg)
{
	struct vnet *v = arg;

	uk_virtqueue_intr_disable(vq);
	uk_netdev_rxq_event(&v->nd, RXQ);
}

static int vnet_rxq_configure(struct uk_netdev *dev, uint16_t q __unused,
			      uint16_t nb_desc __unused,
			      const struct uk_netdev_rxqueue_conf *conf)
{
	struct vnet *v = to_vnet(dev);

	if (!conf->alloc_rxpkts)
		return -EINVAL;
	v->alloc_rxpkts = conf->alloc_rxpkts;
	v->alloc_argp = conf->alloc_rxpkts_argp;
	/* Until the user enables it (or for good, polling). */
	uk_virtqueue_intr_disable(v->rxvq);
	rx_refill(v);
	return 0;
}

static int vnet_rxq_intr_enable(struct uk_netdev *dev, uint16_t q __unused)
{
	if (to_vnet(dev)->vdev->no_intr)
		return -ENOTSUP;
	return uk_virtqueue_intr_enable(to_vnet(dev)->rxvq);
}

static int vnet_rxq_intr_disable(struct uk_netdev *dev, uint16_t q __unused)
{
	uk_virtqueue_intr_disable(to_vnet(dev)->rxvq);
	return 0;
}

/* Reap sent packets; the device's bad completions count as tx errors. */
static void tx_reap(struct vnet *v)
{
	void *cookie;
	uint32_t len;
	int rc;

	while ((rc = uk_virtqueue_get(v->txvq, &cookie, &len)) != 0) {
		if (rc < 0)
			v->nd.stats.tx_errors++;
		uk_netbuf_free(cookie);
	}
}

/* The Internet checksum of data[start..len) into data[start + off]. */
static int sw_csum(struct uk_netbuf *nb)
{
	uint8_t *p = nb->data;
	uint32_t sum = 0, i;

	if (nb->next || (uint32_t)nb->csum_start + nb->csum_offset + 2 >
			nb->len)
		return -EINVAL;
	for (i = nb->csum_start; i + 1 < nb->len; i += 2)
		sum += (uint32_t)p[i] << 8 | p[i + 1];
	if (i < nb->len)
		sum += (uint32_t)p[i] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	sum = ~sum & 0xffff;
	p[nb->csum_start + nb->csum_offset] = sum >> 8;
	p[nb->csum_start + nb->csum_offset + 1] = sum & 0xff;
	nb->flags &= ~UK_NETBUF_F_CSUM_PARTIAL;
	return 0;
}

#define TX_MAX_SEGS 16

static int vnet_tx_burst(struct uk_netdev *dev, uint16_t q __unused,
			 struct uk_netbuf **pkts, uint16_t *cnt)
{
	struct vnet *v = to_vnet(dev);
	struct uk_virtqueue_seg segs[TX_MAX_SEGS];
	struct uk_netbuf *nb, *b;
	struct vnet_hdr *h;
	unsigned int nseg;
	uint16_t i, sent = 0;
	size_t len;
	int rc;

	tx_reap(v);
	for (i = 0; i < *cnt; i++) {
		nb = pkts[i];
		if (uk_netbuf_headroom(nb) < v->hdr_len ||
		    ((nb->flags & UK_NETBUF_F_CSUM_PARTIAL) &&
		     !uk_virtio_has_feature(v->vdev, VIRTIO_NET_F_CSUM) &&
		     sw_csum(nb) < 0)) {
			/* Taken, and dropped: it cannot be sent as it is. */
			dev->stats.tx_errors++;
			uk_netbuf_free(nb);
			sent++;
			continue;
		}
		len = uk_netbuf_pktlen(nb);
		uk_netbuf_header(nb, v->hdr_len);
		h = nb->data;
		memset(h, 0, v->hdr_len);
		if (nb->flags & UK_NETBUF_F_CSUM_PARTIAL) {
			h->flags = HDR_F_NEEDS_CSUM;
			h->csum_start = nb->csum_start;
			h->csum_offset = nb->csum_offset;
		}
		nseg = 0;
		for (b = nb; b && nseg < TX_MAX_SEGS; b = b->next) {
			segs[nseg].addr = b->data;
			segs[nseg].len = b->len + (b == nb ? v->hdr_len : 0);
			nseg++;
		}
		rc = b ? -EINVAL : uk_virtqueue_add(v->txvq, nb, segs, nseg,
						    0);
		if (rc == -ENOSPC) {
			uk_netbuf_header(nb, -(int)v->hdr_len);
			break;
		}
		if (rc < 0) {
			dev->stats.tx_errors++;
			uk_netbuf_free(nb);
			sent++;
			continue;
		}
		dev->stats.tx_packets++;
		dev->stats.tx_bytes += len;
		sent++;
	}
	if (sent)
		uk_virtqueue_kick(v->txvq);
	if (i < *cnt)
		dev->stats.tx_dropped += *cnt - i;
	*cnt = i;
	return (sent ? UK_NETDEV_STATUS_SUCCESS : 0) |
	       (uk_virtqueue_free_count(v->txvq) ? UK_NETDEV_STATUS_MORE : 0);
}

/*
 * The next packet off the rx ring into *@out: 1, 0 when none, -1 when
 * what came was dropped (counted; try the next).
 */
static int rx_one(struct vnet *v, struct uk_netbuf **out)
{
	struct uk_netbuf *head, *tail, *nb;
	struct vnet_hdr h;
	uint32_t len, total;
	uint16_t nbufs, in_ring;
	void *cookie;
	int rc;

	in_ring = uk_virtqueue_size(v->rxvq) -
		  uk_virtqueue_free_count(v->rxvq);
	rc = uk_virtqueue_get(v->rxvq, &cookie, &len);
	if (rc == 0)
		return 0;
	head = cookie;
	if (rc < 0 || len < (uint32_t)v->hdr_len + ETH_HLEN)
		goto err_free;
	memcpy(&h, (char *)head->data - v->hdr_len, sizeof(h));
	nbufs = v->mrg ? h.num_buffers : 1;
	if (nbufs == 0 || nbufs > in_ring)
		goto err_free;
	head->len = len - v->hdr_len;
	total = head->len;
	tail = head;
	while (--nbufs) {
		rc = uk_virtqueue_get(v->rxvq, &cookie, &len);
		if (rc == 0)
			goto err_free;	/* announced, never delivered */
		nb = cookie;
		tail->next = nb;
		tail = nb;
		if (rc < 0)
			goto err_free;
		uk_netbuf_header(nb, v->hdr_len);
		nb->len = len;
		total += len;
	}
	if (total > (uint32_t)v->nd.mtu + ETH_VLAN_HLEN)
		goto err_free;
	head->flags = 0;
	if (uk_virtio_has_feature(v->vdev, VIRTIO_NET_F_GUEST_CSUM)) {
		if (h.flags & HDR_F_NEEDS_CSUM) {
			if ((uint32_t)h.csum_start + h.csum_offset + 2 > total)
				goto err_free;
			head->flags |= UK_NETBUF_F_CSUM_PARTIAL;
			head->csum_start = h.csum_start;
			head->csum_offset = h.csum_offset;
		}
		if (h.flags & HDR_F_DATA_VALID)
			head->flags |= UK_NETBUF_F_DATA_VALID;
	}
	v->nd.stats.rx_packets++;
	v->nd.stats.rx_bytes += total;
	*out = head;
	return 1;

err_free:
	v->nd.stats.rx_errors++;
	uk_netbuf_free(head);
	return -1;
}

static int vnet_rx_burst(struct uk_netdev *dev, uint16_t q __unused,
			 struct uk_netbuf **pkts, uint16_t *cnt)
{
	struct vnet *v = to_vnet(dev);
	uint16_t n = 0;
	int rc, status = 0;

	while (n < *cnt) {
		rc = rx_one(v, &pkts[n]);
		if (rc == 0)
			break;
		if (rc > 0)
			n++;
	}
	if (rx_refill(v))
		status |= UK_NETDEV_STATUS_UNDERRUN;
	*cnt = n;
	if (n)
		status |= UK_NETDEV_STATUS_SUCCESS;
	if (uk_virtqueue_has_used(v->rxvq))
		status |= UK_NETDEV_STATUS_MORE;
	return status;
}

static const struct uk_netdev_ops vnet_ops = {
	.info_get = vnet_info_get,
	.configure = vnet_configure,
	.rxq_configure = vnet_rxq_configure,
	.rxq_intr_enable = vnet_rxq_intr_enable,
	.rxq_intr_disable = vnet_rxq_intr_disable,
	.tx_burst = vnet_tx_burst,
	.rx_burst = vnet_rx_burst,
};

static int vnet_probe(struct uk_virtio_dev *vdev)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct vnet *v;
	uint16_t mtu;
	int rc;

	v = uk_calloc(a, 1, sizeof(*v));
	if (!v)
		return -ENOMEM;
	rc = uk_virtio_negotiate(vdev, 1ULL << VIRTIO_NET_F_MAC |
				 1ULL << VIRTIO_NET_F_MTU |
				 1ULL << VIRTIO_NET_F_MRG_RXBUF |
				 1ULL << VIRTIO_NET_F_CSUM |
				 1ULL << VIRTIO_NET_F_GUEST_CSUM);
	if (rc < 0)
		goto err_free;
	v->vdev = vdev;
	v->mrg = uk_virtio_has_feature(vdev, VIRTIO_NET_F_MRG_RXBUF);
	v->hdr_len = (v->mrg || !vdev->legacy) ? 12 : 10;
	if (uk_virtio_has_feature(vdev, VIRTIO_NET_F_MAC))
		uk_virtio_config_read(vdev, CFG_MAC, v->nd.hwaddr.addr, 6);
	else	/* a locally administered address */
		memcpy(v->nd.hwaddr.addr, "\x02\x00\x00\x00\x00\x01", 6);
	v->nd.mtu = DEFAULT_MTU;
	if (uk_virtio_has_feature(vdev, VIRTIO_NET_F_MTU)) {
		uk_virtio_config_read(vdev, CFG_MTU, &mtu, sizeof(mtu));
		if (mtu >= 68 && mtu <= 65535 - ETH_VLAN_HLEN)
			v->nd.mtu = mtu;
	}
	rc = -ENOMEM;
	v->rxvq = uk_virtio_vq_setup(vdev, RXQ, RING_SIZE, rx_cb, v, a);
	v->txvq = uk_virtio_vq_setup(vdev, TXQ, RING_SIZE, NULL, NULL, a);
	if (!v->rxvq || !v->txvq)
		goto err_free;
	uk_virtqueue_intr_disable(v->txvq);
	rc = uk_virtio_start(vdev);
	if (rc < 0)
		goto err_free;
	v->nd.ops = &vnet_ops;
	v->nd.drv_name = "virtio-net";
	rc = uk_netdev_register(&v->nd);
	if (rc < 0)
		goto err_free;
	vdev->driver_priv = v;
	if (found.nr < MAX_DEVICES)
		found.devs[found.nr++] = v;
	uk_pr_info("virtio-net: %02x:%02x:%02x:%02x:%02x:%02x mtu %u%s%s\n",
		   v->nd.hwaddr.addr[0], v->nd.hwaddr.addr[1],
		   v->nd.hwaddr.addr[2], v->nd.hwaddr.addr[3],
		   v->nd.hwaddr.addr[4], v->nd.hwaddr.addr[5], v->nd.mtu,
		   v->mrg ? " mrg" : "",
		   uk_virtio_has_feature(vdev, VIRTIO_NET_F_CSUM) ? " csum" :
								    "");
	return 0;

err_free:
	/* Queues, once given to the device, stay: it is marked FAILED. */
	if (!v->rxvq && !v->txvq)
		uk_free(a, v);
	return rc;
}

UK_VIRTIO_DRIVER(virtionet, UK_VIRTIO_ID_NET, vnet_probe);

/*
 * At shutdown, wait (a little) for the packets still in the tx rings:
 * QEMU sends them from its main loop, after the kick, and an image that
 * powers off at once would lose the last reply it sent.
 */
static void vnet_drain(int status __unused)
{
	__nsec end = uk_plat_monotonic_ns() + DRAIN_NS;
	unsigned int i;

	for (i = 0; i < found.nr; i++) {
		struct vnet *v = found.devs[i];

		for (;;) {
			tx_reap(v);
			if (uk_virtqueue_free_count(v->txvq) ==
			    uk_virtqueue_size(v->txvq) ||
			    uk_plat_monotonic_ns() >= end)
				break;
		}
	}
}

static int vnet_drain_init(void)
{
	return 0;
}

uk_lib_initcall(vnet_drain_init, vnet_drain);
