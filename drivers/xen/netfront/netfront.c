/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * netfront: a uknetdev device per Xen virtual network interface, in rx
 * copy mode (request-rx-copy), one queue pair, no scatter-gather, no
 * offloads (feature-no-csum-offload: the backend gives complete
 * checksums; a netbuf to send with a partial checksum is completed in
 * software).
 *
 * Buffers: BUFS pages each way, granted to the backend once at connect
 * and reused. A received frame lies in one of the rx pages (the backend
 * copied it there); rx_burst copies it into a netbuf of the stack's and
 * posts the page again. A frame to send is copied into a free tx page;
 * the netbuf is freed at once. The copies cost a little speed and buy
 * independence from the netbufs' layout (a slot must stay within one
 * page without scatter-gather).
 *
 * Handshake (xen/io/netif.h): the backend's InitWait; rings, event
 * channel and features published in one transaction; Connected; the
 * backend's Connected.
 *
 * Nothing from xenstore or the rings is trusted: the MAC must be six
 * hex pairs; a response index more than a ring ahead stops the device;
 * an rx response with an unknown or idle id, an offset and size that
 * leave the page, an error status or flags this frontend did not ask
 * for (more_data, extra_info, gso) is dropped and counted in rx_errors;
 * a tx response with an unknown id is counted in tx_errors.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/init.h>
#include <uk/netdev_driver.h>
#include <uk/plat/xen/xen.h>
#include <uk/print.h>
#include <uk/xenbus.h>

/* The barriers Xen's ring macros leave to the guest. */
#define xen_mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define xen_rmb()	__atomic_thread_fence(__ATOMIC_ACQUIRE)
#define xen_wmb()	__atomic_thread_fence(__ATOMIC_RELEASE)
#include <xen/io/netif.h>
#include <xen/io/ring.h>

#define PAGE		4096UL
#define BUFS		CONFIG_LIBXENNETFRONT_BUFS
#define CONNECT_NS	((__nsec)CONFIG_LIBXENNETFRONT_CONNECT_S * \
			 UK_NSEC_PER_SEC)
#define ETH_HLEN	14
#define MTU		1500
#define FRAME_MAX	(MTU + ETH_HLEN + 4)	/* a VLAN tag */
#define PATH_LEN	96

struct netfront {
	struct uk_netdev nd;
	struct netif_tx_front_ring tx;
	struct netif_rx_front_ring rx;
	unsigned int port;
	uint16_t backend_id;
	int broken;
	uk_netdev_alloc_rxpkts alloc_rxpkts;
	void *alloc_argp;
	char front[PATH_LEN];
	char back[PATH_LEN];
	/* Pages and their grants; tx_busy[i]: slot i awaits a response. */
	char *rxpage[BUFS], *txpage[BUFS];
	unsigned int rxref[BUFS], txref[BUFS];
	uint8_t rx_posted[BUFS], tx_busy[BUFS];
};

static struct netfront *to_nf(struct uk_netdev *dev)
{
	return container_of(dev, struct netfront, nd);
}

static void info_get(struct uk_netdev *dev __unused,
		     struct uk_netdev_info *info)
{
	info->max_rx_queues = 1;
	info->max_tx_queues = 1;
	info->max_mtu = MTU;
	info->nb_encap_tx = 0;
	info->nb_encap_rx = 0;
	info->ioalign = 0;
	info->features = UK_NETDEV_F_RXQ_INTR;
}

static void notify_if(struct netfront *nf, int notify)
{
	if (notify)
		uk_xen_evtchn_notify(nf->port);
}

/* Post every idle rx page. */
static void rx_post(struct netfront *nf)
{
	struct netif_rx_request *r;
	unsigned int i;
	int notify, posted = 0;

	for (i = 0; i < BUFS; i++) {
		if (nf->rx_posted[i] || RING_FULL(&nf->rx))
			continue;
		r = RING_GET_REQUEST(&nf->rx, nf->rx.req_prod_pvt);
		r->id = i;
		r->gref = nf->rxref[i];
		nf->rx.req_prod_pvt++;
		nf->rx_posted[i] = 1;
		posted = 1;
	}
	if (posted) {
		RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&nf->rx, notify);
		notify_if(nf, notify);
	}
}

static int rxq_configure(struct uk_netdev *dev, uint16_t q __unused,
			 uint16_t nb_desc __unused,
			 const struct uk_netdev_rxqueue_conf *conf)
{
	struct netfront *nf = to_nf(dev);

	if (!conf->alloc_rxpkts)
		return -EINVAL;
	nf->alloc_rxpkts = conf->alloc_rxpkts;
	nf->alloc_argp = conf->alloc_rxpkts_argp;
	return 0;
}

static int rxq_intr_enable(struct uk_netdev *dev, uint16_t q __unused)
{
	struct netfront *nf = to_nf(dev);
	int more;

	uk_xen_evtchn_unmask(nf->port);
	/* Frames that came meanwhile: say so now, as an event would. */
	RING_FINAL_CHECK_FOR_RESPONSES(&nf->rx, more);
	if (more)
		uk_netdev_rxq_event(dev, 0);
	return 0;
}

static int rxq_intr_disable(struct uk_netdev *dev __unused,
			    uint16_t q __unused)
{
	return 0;	/* events still come; uknetdev drops unarmed ones */
}

/* The Internet checksum of data[start..len) into data[start + off]. */
static int sw_csum(uint8_t *p, uint32_t len, uint16_t start, uint16_t off)
{
	uint32_t sum = 0, i;

	if ((uint32_t)start + off + 2 > len)
		return -EINVAL;
	for (i = start; i + 1 < len; i += 2)
		sum += (uint32_t)p[i] << 8 | p[i + 1];
	if (i < len)
		sum += (uint32_t)p[i] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	sum = ~sum & 0xffff;
	p[start + off] = sum >> 8;
	p[start + off + 1] = sum & 0xff;
	return 0;
}

/* Reap tx responses; an unknown id is the backend's error. */
static void tx_reap(struct netfront *nf)
{
	struct netif_tx_response *rsp;
	RING_IDX cons, prod;
	int more;

	do {
		prod = __atomic_load_n(&nf->tx.sring->rsp_prod,
				       __ATOMIC_ACQUIRE);
		cons = nf->tx.rsp_cons;
		if (prod - cons > RING_SIZE(&nf->tx)) {
			nf->broken = 1;
			nf->nd.stats.tx_errors++;
			return;
		}
		for (; cons != prod; cons++) {
			rsp = RING_GET_RESPONSE(&nf->tx, cons);
			if (rsp->status == NETIF_RSP_NULL)
				continue;	/* an extra slot's answer */
			if (rsp->id >= BUFS || !nf->tx_busy[rsp->id]) {
				nf->nd.stats.tx_errors++;
				continue;
			}
			if (rsp->status != NETIF_RSP_OKAY)
				nf->nd.stats.tx_errors++;
			nf->tx_busy[rsp->id] = 0;
		}
		nf->tx.rsp_cons = cons;
		RING_FINAL_CHECK_FOR_RESPONSES(&nf->tx, more);
	} while (more);
}

static int tx_burst(struct uk_netdev *dev, uint16_t q __unused,
		    struct uk_netbuf **pkts, uint16_t *cnt)
{
	struct netfront *nf = to_nf(dev);
	struct netif_tx_request *r;
	struct uk_netbuf *nb, *b;
	uint16_t i, sent = 0;
	unsigned int slot;
	uint32_t len;
	int notify;

	if (!nf->broken)
		tx_reap(nf);
	for (i = 0; i < *cnt; i++) {
		nb = pkts[i];
		len = (uint32_t)uk_netbuf_pktlen(nb);
		if (nf->broken || len < ETH_HLEN || len > FRAME_MAX) {
			dev->stats.tx_errors++;
			uk_netbuf_free(nb);
			sent++;
			continue;
		}
		for (slot = 0; slot < BUFS && nf->tx_busy[slot]; slot++)
			;
		if (slot == BUFS || RING_FULL(&nf->tx))
			break;
		len = 0;
		for (b = nb; b; b = b->next) {
			memcpy(nf->txpage[slot] + len, b->data, b->len);
			len += b->len;
		}
		if ((nb->flags & UK_NETBUF_F_CSUM_PARTIAL) &&
		    sw_csum((uint8_t *)nf->txpage[slot], len, nb->csum_start,
			    nb->csum_offset) < 0) {
			dev->stats.tx_errors++;
			uk_netbuf_free(nb);
			sent++;
			continue;
		}
		r = RING_GET_REQUEST(&nf->tx, nf->tx.req_prod_pvt);
		r->gref = nf->txref[slot];
		r->offset = 0;
		r->flags = 0;
		r->id = slot;
		r->size = (uint16_t)len;
		nf->tx.req_prod_pvt++;
		nf->tx_busy[slot] = 1;
		dev->stats.tx_packets++;
		dev->stats.tx_bytes += len;
		uk_netbuf_free(nb);
		sent++;
	}
	if (sent) {
		RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&nf->tx, notify);
		notify_if(nf, notify);
	}
	if (i < *cnt)
		dev->stats.tx_dropped += *cnt - i;
	*cnt = i;
	return (sent ? UK_NETDEV_STATUS_SUCCESS : 0) |
	       (!RING_FULL(&nf->tx) ? UK_NETDEV_STATUS_MORE : 0);
}

/*
 * The next response into *@out: 1, 0 when none, -1 when dropped
 * (counted), -2 when there is no netbuf to copy into (the frame waits).
 */
static int rx_one(struct netfront *nf, struct uk_netbuf **out)
{
	struct netif_rx_response *rsp;
	struct uk_netbuf *nb;
	RING_IDX cons = nf->rx.rsp_cons;
	RING_IDX prod = __atomic_load_n(&nf->rx.sring->rsp_prod,
					 __ATOMIC_ACQUIRE);
	uint16_t id;

	if (prod - cons > RING_SIZE(&nf->rx)) {
		uk_pr_err("netfront: rx response index beyond the ring: device stopped\n");
		nf->broken = 1;
		nf->nd.stats.rx_errors++;
		return 0;
	}
	if (cons == prod)
		return 0;
	rsp = RING_GET_RESPONSE(&nf->rx, cons);
	id = rsp->id;
	if (id >= BUFS || !nf->rx_posted[id]) {
		nf->rx.rsp_cons = cons + 1;
		nf->nd.stats.rx_errors++;
		return -1;
	}
	if (rsp->status < ETH_HLEN || rsp->status > FRAME_MAX ||
	    (uint32_t)rsp->offset + (uint32_t)rsp->status > PAGE ||
	    (rsp->flags & (NETRXF_more_data | NETRXF_extra_info |
			   NETRXF_gso_prefix))) {
		nf->rx.rsp_cons = cons + 1;
		nf->rx_posted[id] = 0;
		nf->nd.stats.rx_errors++;
		return -1;
	}
	if (nf->alloc_rxpkts(nf->alloc_argp, &nb, 1) != 1)
		return -2;
	if (uk_netbuf_tailroom(nb) < (uint32_t)rsp->status) {
		uk_netbuf_free(nb);
		return -2;
	}
	memcpy(nb->data, nf->rxpage[id] + rsp->offset, rsp->status);
	nb->len = rsp->status;
	nb->next = NULL;
	nb->flags = (rsp->flags & NETRXF_data_validated) ?
		    UK_NETBUF_F_DATA_VALID : 0;
	nf->rx.rsp_cons = cons + 1;
	nf->rx_posted[id] = 0;
	nf->nd.stats.rx_packets++;
	nf->nd.stats.rx_bytes += rsp->status;
	*out = nb;
	return 1;
}

static int rx_burst(struct uk_netdev *dev, uint16_t q __unused,
		    struct uk_netbuf **pkts, uint16_t *cnt)
{
	struct netfront *nf = to_nf(dev);
	uint16_t n = 0;
	int rc = 0, status = 0, more;

	while (!nf->broken && n < *cnt) {
		rc = rx_one(nf, &pkts[n]);
		if (rc == 0 || rc == -2)
			break;
		if (rc > 0)
			n++;
	}
	if (!nf->broken)
		rx_post(nf);
	if (rc == -2)
		status |= UK_NETDEV_STATUS_UNDERRUN;
	*cnt = n;
	if (n)
		status |= UK_NETDEV_STATUS_SUCCESS;
	RING_FINAL_CHECK_FOR_RESPONSES(&nf->rx, more);
	if (more && !nf->broken)
		status |= UK_NETDEV_STATUS_MORE;
	return status;
}

static int start(struct uk_netdev *dev)
{
	rx_post(to_nf(dev));
	return 0;
}

static const struct uk_netdev_ops netfront_ops = {
	.info_get = info_get,
	.rxq_configure = rxq_configure,
	.rxq_intr_enable = rxq_intr_enable,
	.rxq_intr_disable = rxq_intr_disable,
	.start = start,
	.tx_burst = tx_burst,
	.rx_burst = rx_burst,
};

static void on_event(unsigned int port __unused, void *arg)
{
	struct netfront *nf = arg;

	uk_netdev_rxq_event(&nf->nd, 0);
}

static int key(char *path, const char *dir, const char *k)
{
	size_t a = strlen(dir), b = strlen(k);

	if (a + 1 + b >= PATH_LEN + 32)
		return -E2BIG;
	memcpy(path, dir, a);
	path[a] = '/';
	memcpy(path + a + 1, k, b + 1);
	return 0;
}

static int write_uint(uk_xenbus_tx_t tx, const char *dir, const char *k,
		      unsigned long v)
{
	char path[PATH_LEN + 32], num[24], tmp[24];
	int i = 0, j = 0;

	if (key(path, dir, k) < 0)
		return -E2BIG;
	do {
		tmp[i++] = '0' + v % 10;
		v /= 10;
	} while (v);
	while (i)
		num[j++] = tmp[--i];
	num[j] = '\0';
	return uk_xenbus_write(tx, path, num);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* "xx:xx:xx:xx:xx:xx", nothing else. */
static int parse_mac(const char *s, uint8_t *mac)
{
	int i, h, l;

	for (i = 0; i < 6; i++) {
		h = hexval(s[3 * i]);
		l = hexval(s[3 * i + 1]);
		if (h < 0 || l < 0)
			return -EINVAL;
		if (s[3 * i + 2] != (i < 5 ? ':' : '\0'))
			return -EINVAL;
		mac[i] = (uint8_t)(h << 4 | l);
	}
	return 0;
}

static int publish(struct netfront *nf, unsigned int txref,
		   unsigned int rxref)
{
	uk_xenbus_tx_t tx;
	int rc, tries;

	for (tries = 0; tries < 10; tries++) {
		rc = uk_xenbus_transaction_start(&tx);
		if (rc < 0)
			return rc;
		rc = write_uint(tx, nf->front, "tx-ring-ref", txref);
		if (!rc)
			rc = write_uint(tx, nf->front, "rx-ring-ref", rxref);
		if (!rc)
			rc = write_uint(tx, nf->front, "event-channel",
					nf->port);
		if (!rc)
			rc = write_uint(tx, nf->front, "request-rx-copy", 1);
		if (!rc)
			rc = write_uint(tx, nf->front, "feature-rx-notify", 1);
		if (!rc)
			rc = write_uint(tx, nf->front,
					"feature-no-csum-offload", 1);
		if (!rc)
			rc = write_uint(tx, nf->front, "feature-sg", 0);
		if (!rc)
			rc = write_uint(tx, nf->front, "feature-gso-tcpv4", 0);
		if (!rc)
			rc = uk_xenbus_switch_state(tx, nf->front,
						    UK_XENBUS_CONNECTED);
		if (rc) {
			uk_xenbus_transaction_end(tx, 1);
			return rc;
		}
		rc = uk_xenbus_transaction_end(tx, 0);
		if (rc != -EAGAIN)
			return rc;
	}
	return -EAGAIN;
}

/* Grant a fresh page to the backend: its address, or NULL. */
static char *granted_page(struct uk_alloc *a, uint16_t dom, unsigned int *ref)
{
	char *p = uk_palloc(a, 1);
	int r;

	if (!p)
		return NULL;
	memset(p, 0, PAGE);
	r = uk_xen_gnttab_grant(dom, (uintptr_t)p / PAGE, 0);
	if (r < 0) {
		uk_pfree(a, p, 1);
		return NULL;
	}
	*ref = (unsigned int)r;
	return p;
}

static int connect(struct netfront *nf, struct uk_alloc *a)
{
	char path[PATH_LEN + 32], mac[24];
	unsigned long long v;
	unsigned int txref, rxref, i;
	void *txs, *rxs;
	int port, rc;

	if (key(path, nf->front, "backend") < 0)
		return -E2BIG;
	rc = uk_xenbus_read(UK_XENBUS_NO_TX, path, nf->back, sizeof(nf->back));
	if (rc < 0 || strncmp(nf->back, "/local/domain/", 14))
		return rc < 0 ? rc : -EINVAL;
	key(path, nf->front, "backend-id");
	rc = uk_xenbus_read_uint(UK_XENBUS_NO_TX, path, 0x7fef, &v);
	if (rc < 0)
		return rc;
	nf->backend_id = (uint16_t)v;
	key(path, nf->front, "mac");
	rc = uk_xenbus_read(UK_XENBUS_NO_TX, path, mac, sizeof(mac));
	if (rc < 0 || parse_mac(mac, nf->nd.hwaddr.addr) < 0)
		return rc < 0 ? rc : -EINVAL;
	rc = uk_xenbus_wait_state(nf->back, UK_XENBUS_INIT_WAIT, CONNECT_NS);
	if (rc < 0)
		return rc;

	/* Pages are never given back: a device left out keeps them. */
	txs = granted_page(a, nf->backend_id, &txref);
	rxs = granted_page(a, nf->backend_id, &rxref);
	if (!txs || !rxs)
		return -ENOMEM;
	SHARED_RING_INIT((struct netif_tx_sring *)txs);
	FRONT_RING_INIT(&nf->tx, (struct netif_tx_sring *)txs, PAGE);
	SHARED_RING_INIT((struct netif_rx_sring *)rxs);
	FRONT_RING_INIT(&nf->rx, (struct netif_rx_sring *)rxs, PAGE);
	for (i = 0; i < BUFS; i++) {
		nf->rxpage[i] = granted_page(a, nf->backend_id, &nf->rxref[i]);
		nf->txpage[i] = granted_page(a, nf->backend_id, &nf->txref[i]);
		if (!nf->rxpage[i] || !nf->txpage[i])
			return -ENOMEM;
	}
	port = uk_xen_evtchn_alloc_unbound(nf->backend_id, on_event, nf);
	if (port < 0)
		return port;
	nf->port = (unsigned int)port;
	rc = publish(nf, txref, rxref);
	if (rc < 0)
		return rc;
	return uk_xenbus_wait_state(nf->back, UK_XENBUS_CONNECTED,
				    CONNECT_NS);
}

static int netfront_probe(void)
{
	struct uk_alloc *a = uk_alloc_get_default();
	char list[128], *id;
	struct netfront *nf;
	size_t len;
	int n, i, rc;

	n = uk_xenbus_directory(UK_XENBUS_NO_TX, "device/vif", list,
				sizeof(list));
	if (n == -ENOENT || n == -ENODEV)
		return 0;
	if (n < 0) {
		uk_pr_err("netfront: cannot list device/vif: %d\n", n);
		return 0;
	}
	for (i = 0, id = list; i < n; i++, id += strlen(id) + 1) {
		len = strlen(id);
		if (len > 8) {
			uk_pr_err("netfront: bad vif id: left out\n");
			continue;
		}
		nf = uk_calloc(a, 1, sizeof(*nf));
		if (!nf)
			return -ENOMEM;
		memcpy(nf->front, "device/vif/", 11);
		memcpy(nf->front + 11, id, len + 1);
		rc = connect(nf, a);
		if (rc < 0) {
			uk_pr_err("netfront: vif %s not connected (%d): left out\n",
				  id, rc);
			if (nf->port)
				uk_xen_evtchn_close(nf->port);
			continue;
		}
		nf->nd.ops = &netfront_ops;
		nf->nd.drv_name = "netfront";
		nf->nd.mtu = MTU;
		rc = uk_netdev_register(&nf->nd);
		if (rc < 0)
			uk_pr_err("netfront: vif %s: cannot register (%d)\n",
				  id, rc);
	}
	return 0;
}

uk_initcall_class_prio(netfront_probe, NULL, UK_INIT_CLASS_PLAT, 7);
