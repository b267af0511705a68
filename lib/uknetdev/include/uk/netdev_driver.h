/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uknetdev for drivers: the operations a network driver implements and
 * how it registers a device. Users include uk/netdev.h only.
 *
 * The library checks the API's preconditions (state order, queue ids in
 * range, NULL pointers) before calling an op, so ops may assume them.
 * A driver embeds struct uk_netdev in its own device structure and
 * recovers it with container_of (uk/essentials.h).
 */
#ifndef UK_NETDEV_DRIVER_H
#define UK_NETDEV_DRIVER_H

#include <uk/netdev.h>

struct uk_netdev_ops {
	void (*info_get)(struct uk_netdev *dev, struct uk_netdev_info *info);
	/* Optional (NULL: nothing to do at that step, success). */
	int (*configure)(struct uk_netdev *dev,
			 const struct uk_netdev_conf *conf);
	/* Required: the rx ring takes the stack's buffers here. */
	int (*rxq_configure)(struct uk_netdev *dev, uint16_t queue_id,
			     uint16_t nb_desc,
			     const struct uk_netdev_rxqueue_conf *conf);
	/* Optional, as configure. */
	int (*txq_configure)(struct uk_netdev *dev, uint16_t queue_id,
			     uint16_t nb_desc,
			     const struct uk_netdev_txqueue_conf *conf);
	/* Optional, as configure. */
	int (*start)(struct uk_netdev *dev);
	/* Optional: -ENOTSUP without them. */
	int (*rxq_intr_enable)(struct uk_netdev *dev, uint16_t queue_id);
	int (*rxq_intr_disable)(struct uk_netdev *dev, uint16_t queue_id);
	/* Data path: same contract as uk_netdev_tx_burst/_rx_burst. */
	int (*tx_burst)(struct uk_netdev *dev, uint16_t queue_id,
			struct uk_netbuf **pkts, uint16_t *cnt);
	int (*rx_burst)(struct uk_netdev *dev, uint16_t queue_id,
			struct uk_netbuf **pkts, uint16_t *cnt);
};

enum uk_netdev_state {
	UK_NETDEV_UNCONFIGURED = 0,
	UK_NETDEV_CONFIGURED,
	UK_NETDEV_RUNNING,
};

/* Queue bookkeeping kept by the library. */
#define UK_NETDEV_MAX_QUEUES 16

struct uk_netdev {
	/* Set by the driver before uk_netdev_register(). */
	const struct uk_netdev_ops *ops;
	const char *drv_name;
	struct uk_netdev_hwaddr hwaddr;
	uint16_t mtu;
	/* Owned by the library. */
	unsigned int id;
	enum uk_netdev_state state;
	struct uk_netdev_conf conf;
	uint32_t rxq_ready, txq_ready;	/* bit per configured queue */
	struct {
		uk_netdev_queue_event_t callback;
		void *cookie;
	} rxq_event[UK_NETDEV_MAX_QUEUES];
	/* Bit per rx queue whose interrupt is enabled: the next
	 * uk_netdev_rxq_event() calls the callback and clears the bit. */
	volatile uint32_t rxq_intr_armed;
	/* Updated by the driver (its data path), read by stats_get. */
	struct uk_netdev_stats stats;
};

/*
 * Add @dev to the device list (id given in order); 0 or -ENOMEM. Called
 * from the driver's probe, before main() (an initcall of class PLAT or
 * LIB, after the allocator).
 */
int uk_netdev_register(struct uk_netdev *dev);

/*
 * Call the queue's event callback, from the driver's interrupt handler
 * (interrupts disabled). The library calls it only when the queue's
 * interrupt is enabled, then marks it disabled (one event per enable);
 * other calls are ignored, so a driver may call this for every
 * interrupt of the queue. Suppressing the device's own interrupt is the
 * driver's business (its handler or its rxq_intr_disable op).
 */
void uk_netdev_rxq_event(struct uk_netdev *dev, uint16_t queue_id);

#endif /* UK_NETDEV_DRIVER_H */
