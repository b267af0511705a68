/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uknetdev: the network device API the stack (or a raw application)
 * uses; drivers implement uk/netdev_driver.h. The stack never sees a
 * driver: it finds devices by index and calls through their ops.
 *
 * Life of a device, each step valid only after the previous one:
 *   uk_netdev_count() / uk_netdev_get(i)      devices the drivers found
 *   uk_netdev_info_get()                      limits and features
 *   uk_netdev_configure()                     number of queues
 *   uk_netdev_rxq_configure() / _txq_configure()  each queue
 *   uk_netdev_start()                         rx and tx may begin
 * A call out of this order returns -EINVAL and changes nothing.
 *
 * Data path (not thread-safe per queue: one user per queue, as with
 * DPDK; different queues may be used concurrently):
 *   uk_netdev_tx_burst()  hands packets to the device; it owns them and
 *                         frees them once sent.
 *   uk_netdev_rx_burst()  takes received packets; the caller owns them.
 *                         The driver refills its ring through the
 *                         queue's alloc_rxpkts callback, so the stack
 *                         chooses the buffers (headroom, private area).
 *
 * Interrupt mode: a queue configured with a callback calls it (in
 * interrupt context) when packets arrive while its interrupt is
 * enabled. The interrupt then disables itself (one event per enable):
 * the user drains the queue with rx_burst and re-enables with
 * uk_netdev_rxq_intr_enable(), which returns 1 when packets arrived in
 * the meantime (drain again), so that no packet waits for a second one.
 * Polling mode: no callback; call rx_burst when convenient.
 */
#ifndef UK_NETDEV_H
#define UK_NETDEV_H

#include <uk/essentials.h>
#include <uk/netbuf.h>

struct uk_alloc;
struct uk_netdev;

#define UK_NETDEV_HWADDR_LEN 6

struct uk_netdev_hwaddr {
	uint8_t addr[UK_NETDEV_HWADDR_LEN];
};

/* Features of a device (uk_netdev_info.features). */
#define UK_NETDEV_F_RXQ_INTR	0x1  /* rx queues can interrupt */
#define UK_NETDEV_F_TX_CSUM	0x2  /* honours UK_NETBUF_F_CSUM_PARTIAL */
#define UK_NETDEV_F_RX_CSUM	0x4  /* may set UK_NETBUF_F_DATA_VALID */
#define UK_NETDEV_F_PARTIAL_CSUM_RX 0x8 /* may deliver CSUM_PARTIAL */

struct uk_netdev_info {
	uint16_t max_rx_queues, max_tx_queues;
	uint16_t max_mtu;
	/* Headroom the driver needs in front of every tx packet and rx
	 * buffer for its device header: allocate at least this much. */
	uint16_t nb_encap_tx, nb_encap_rx;
	/* Required alignment of buffer data (0 or a power of two). */
	uint16_t ioalign;
	uint32_t features;	/* UK_NETDEV_F_* */
};

struct uk_netdev_conf {
	uint16_t nb_rx_queues, nb_tx_queues;
};

/*
 * Fill @pkts with up to @count fresh, empty receive buffers; returns how
 * many it gave (fewer when memory is short: the ring is refilled later).
 */
typedef uint16_t (*uk_netdev_alloc_rxpkts)(void *argp,
					   struct uk_netbuf *pkts[],
					   uint16_t count);

/* Queue event callback, in interrupt context: keep it short. */
typedef void (*uk_netdev_queue_event_t)(struct uk_netdev *dev,
					uint16_t queue_id, void *cookie);

struct uk_netdev_rxqueue_conf {
	struct uk_alloc *a;		/* for the driver's ring state */
	uk_netdev_alloc_rxpkts alloc_rxpkts;
	void *alloc_rxpkts_argp;
	uk_netdev_queue_event_t callback; /* NULL: polling mode */
	void *callback_cookie;
};

struct uk_netdev_txqueue_conf {
	struct uk_alloc *a;
};

/* Counters since the device was found; never reset. */
struct uk_netdev_stats {
	uint64_t rx_packets, rx_bytes;
	uint64_t tx_packets, tx_bytes;
	/* rx: no buffer to refill with, or the stack was not draining */
	uint64_t rx_dropped;
	/* rx: the device handed something invalid (bad descriptor id or
	 * length, malformed frame): dropped and counted, never trusted */
	uint64_t rx_errors;
	uint64_t tx_dropped;	/* refused: the queue was full */
	uint64_t tx_errors;	/* the device rejected or mangled a packet */
};

/* Devices the drivers registered, indexed from 0 in order of discovery. */
unsigned int uk_netdev_count(void);
struct uk_netdev *uk_netdev_get(unsigned int id);
unsigned int uk_netdev_id(const struct uk_netdev *dev);
/* The driver's name for the device ("virtio-net", "tap"). */
const char *uk_netdev_drv_name(const struct uk_netdev *dev);

void uk_netdev_info_get(struct uk_netdev *dev, struct uk_netdev_info *info);
int uk_netdev_configure(struct uk_netdev *dev,
			const struct uk_netdev_conf *conf);
/* @nb_desc: ring size (0: the driver's default). 0 or -errno. */
int uk_netdev_rxq_configure(struct uk_netdev *dev, uint16_t queue_id,
			    uint16_t nb_desc,
			    const struct uk_netdev_rxqueue_conf *conf);
int uk_netdev_txq_configure(struct uk_netdev *dev, uint16_t queue_id,
			    uint16_t nb_desc,
			    const struct uk_netdev_txqueue_conf *conf);
int uk_netdev_start(struct uk_netdev *dev);

const struct uk_netdev_hwaddr *uk_netdev_hwaddr_get(struct uk_netdev *dev);
uint16_t uk_netdev_mtu_get(struct uk_netdev *dev);
void uk_netdev_stats_get(struct uk_netdev *dev,
			 struct uk_netdev_stats *stats);

/*
 * Enable the rx interrupt of a queue configured with a callback: 0, or 1
 * when packets are already waiting (the callback will not be called
 * for them: drain first), or -EINVAL / -ENOTSUP.
 */
int uk_netdev_rxq_intr_enable(struct uk_netdev *dev, uint16_t queue_id);
int uk_netdev_rxq_intr_disable(struct uk_netdev *dev, uint16_t queue_id);

/*
 * Result bits of the bursts (>= 0); a negative errno means the call was
 * invalid and nothing happened.
 *   UK_NETDEV_STATUS_SUCCESS  at least one packet was sent or received
 *   UK_NETDEV_STATUS_MORE     rx: more packets are waiting;
 *                             tx: the queue still has room
 *   UK_NETDEV_STATUS_UNDERRUN rx: the ring could not be fully refilled
 */
#define UK_NETDEV_STATUS_SUCCESS	0x1
#define UK_NETDEV_STATUS_MORE		0x2
#define UK_NETDEV_STATUS_UNDERRUN	0x4

/*
 * Send up to *cnt packets from @pkts; on return *cnt is the number the
 * device took (the first *cnt of @pkts, now the driver's); the others
 * are still the caller's (queue full: try again or free them).
 */
int uk_netdev_tx_burst(struct uk_netdev *dev, uint16_t queue_id,
		       struct uk_netbuf **pkts, uint16_t *cnt);

/* Receive up to *cnt packets into @pkts; *cnt becomes the number. */
int uk_netdev_rx_burst(struct uk_netdev *dev, uint16_t queue_id,
		       struct uk_netbuf **pkts, uint16_t *cnt);

#endif /* UK_NETDEV_H */
