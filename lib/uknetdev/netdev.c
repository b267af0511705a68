/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uknetdev: the device list and the checked entry points of the API.
 * Every public call checks its preconditions (device state, queue ids,
 * pointers) and only then calls the driver's op, so a driver can trust
 * its arguments and a user's mistake is an -EINVAL, never a corrupted
 * driver. The checks cost a few compares on the data path.
 */
#include <errno.h>
#include <uk/netdev_driver.h>
#include <uk/plat/irq.h>
#include <uk/print.h>
#include "netdev_internal.h"

static struct {
	unsigned int count;
	struct uk_netdev *devs[CONFIG_LIBUKNETDEV_MAX_DEVICES];
} registry;

/* Mask with the low @n bits set (n <= 32). */
static inline uint32_t low_bits(unsigned int n)
{
	return n >= 32 ? ~0U : (1U << n) - 1;
}

unsigned int uk_netdev_count(void)
{
	return registry.count;
}

struct uk_netdev *uk_netdev_get(unsigned int id)
{
	return id < registry.count ? registry.devs[id] : NULL;
}

unsigned int uk_netdev_id(const struct uk_netdev *dev)
{
	return dev->id;
}

const char *uk_netdev_drv_name(const struct uk_netdev *dev)
{
	return dev->drv_name;
}

int uk_netdev_register(struct uk_netdev *dev)
{
	const struct uk_netdev_ops *ops;
	unsigned int i;

	if (!dev || !dev->ops || !dev->drv_name)
		return -EINVAL;
	ops = dev->ops;
	if (!ops->info_get || !ops->rxq_configure || !ops->tx_burst ||
	    !ops->rx_burst)
		return -EINVAL;
	for (i = 0; i < registry.count; i++)
		if (registry.devs[i] == dev)
			return -EEXIST;
	if (registry.count == ARRAY_SIZE(registry.devs)) {
		uk_pr_err("netdev: %s device not added: the limit of %u devices is reached (CONFIG_LIBUKNETDEV_MAX_DEVICES)\n",
			  dev->drv_name, (unsigned int)ARRAY_SIZE(registry.devs));
		return -ENOMEM;
	}

	dev->id = registry.count;
	dev->state = UK_NETDEV_UNCONFIGURED;
	dev->conf.nb_rx_queues = 0;
	dev->conf.nb_tx_queues = 0;
	dev->rxq_ready = 0;
	dev->txq_ready = 0;
	dev->rxq_intr_armed = 0;
	for (i = 0; i < UK_NETDEV_MAX_QUEUES; i++) {
		dev->rxq_event[i].callback = NULL;
		dev->rxq_event[i].cookie = NULL;
	}
	registry.devs[registry.count++] = dev;
	return 0;
}

void _uk_netdev_registry_truncate(unsigned int count)
{
	if (count < registry.count)
		registry.count = count;
}

void uk_netdev_info_get(struct uk_netdev *dev, struct uk_netdev_info *info)
{
	if (!dev || !info)
		return;
	*info = (struct uk_netdev_info){ 0 };
	dev->ops->info_get(dev, info);
	/* The library's bookkeeping bounds what any driver may offer. */
	info->max_rx_queues = MIN(info->max_rx_queues, UK_NETDEV_MAX_QUEUES);
	info->max_tx_queues = MIN(info->max_tx_queues, UK_NETDEV_MAX_QUEUES);
}

int uk_netdev_configure(struct uk_netdev *dev,
			const struct uk_netdev_conf *conf)
{
	struct uk_netdev_info info;
	int ret;

	if (!dev || !conf || dev->state != UK_NETDEV_UNCONFIGURED)
		return -EINVAL;
	uk_netdev_info_get(dev, &info);
	if (conf->nb_rx_queues > info.max_rx_queues ||
	    conf->nb_tx_queues > info.max_tx_queues ||
	    (conf->nb_rx_queues == 0 && conf->nb_tx_queues == 0))
		return -EINVAL;

	ret = dev->ops->configure ? dev->ops->configure(dev, conf) : 0;
	if (ret < 0)
		return ret;
	dev->conf = *conf;
	dev->rxq_ready = 0;
	dev->txq_ready = 0;
	dev->state = UK_NETDEV_CONFIGURED;
	return 0;
}

int uk_netdev_rxq_configure(struct uk_netdev *dev, uint16_t queue_id,
			    uint16_t nb_desc,
			    const struct uk_netdev_rxqueue_conf *conf)
{
	struct uk_netdev_info info;
	int ret;

	if (!dev || !conf || !conf->a || !conf->alloc_rxpkts ||
	    dev->state != UK_NETDEV_CONFIGURED ||
	    queue_id >= dev->conf.nb_rx_queues ||
	    (dev->rxq_ready & (1U << queue_id)))
		return -EINVAL;
	if (conf->callback) {
		uk_netdev_info_get(dev, &info);
		if (!(info.features & UK_NETDEV_F_RXQ_INTR) ||
		    !dev->ops->rxq_intr_enable)
			return -ENOTSUP;
	}

	ret = dev->ops->rxq_configure(dev, queue_id, nb_desc, conf);
	if (ret < 0)
		return ret;
	dev->rxq_event[queue_id].callback = conf->callback;
	dev->rxq_event[queue_id].cookie = conf->callback_cookie;
	dev->rxq_ready |= 1U << queue_id;
	return 0;
}

int uk_netdev_txq_configure(struct uk_netdev *dev, uint16_t queue_id,
			    uint16_t nb_desc,
			    const struct uk_netdev_txqueue_conf *conf)
{
	int ret;

	if (!dev || !conf || !conf->a ||
	    dev->state != UK_NETDEV_CONFIGURED ||
	    queue_id >= dev->conf.nb_tx_queues ||
	    (dev->txq_ready & (1U << queue_id)))
		return -EINVAL;

	ret = dev->ops->txq_configure ?
	      dev->ops->txq_configure(dev, queue_id, nb_desc, conf) : 0;
	if (ret < 0)
		return ret;
	dev->txq_ready |= 1U << queue_id;
	return 0;
}

int uk_netdev_start(struct uk_netdev *dev)
{
	int ret;

	if (!dev || dev->state != UK_NETDEV_CONFIGURED ||
	    dev->rxq_ready != low_bits(dev->conf.nb_rx_queues) ||
	    dev->txq_ready != low_bits(dev->conf.nb_tx_queues))
		return -EINVAL;

	ret = dev->ops->start ? dev->ops->start(dev) : 0;
	if (ret < 0)
		return ret;
	dev->state = UK_NETDEV_RUNNING;
	return 0;
}

const struct uk_netdev_hwaddr *uk_netdev_hwaddr_get(struct uk_netdev *dev)
{
	return &dev->hwaddr;
}

uint16_t uk_netdev_mtu_get(struct uk_netdev *dev)
{
	return dev->mtu;
}

void uk_netdev_stats_get(struct uk_netdev *dev,
			 struct uk_netdev_stats *stats)
{
	unsigned long flags;

	if (!dev || !stats)
		return;
	/* A driver may count from its interrupt handler: copy in one go. */
	flags = uk_plat_irq_save();
	*stats = dev->stats;
	uk_plat_irq_restore(flags);
}

/* A running device's rx queue that was configured with a callback. */
static int rxq_intr_check(struct uk_netdev *dev, uint16_t queue_id)
{
	if (!dev || dev->state != UK_NETDEV_RUNNING ||
	    queue_id >= dev->conf.nb_rx_queues ||
	    !dev->rxq_event[queue_id].callback)
		return -EINVAL;
	if (!dev->ops->rxq_intr_enable || !dev->ops->rxq_intr_disable)
		return -ENOTSUP;
	return 0;
}

int uk_netdev_rxq_intr_enable(struct uk_netdev *dev, uint16_t queue_id)
{
	unsigned long flags;
	int ret;

	ret = rxq_intr_check(dev, queue_id);
	if (ret < 0)
		return ret;
	/*
	 * Armed before the device may interrupt: an interrupt raised while
	 * the op enables it must find the queue armed, or its event would
	 * be lost. Undone if the driver refuses.
	 */
	flags = uk_plat_irq_save();
	dev->rxq_intr_armed |= 1U << queue_id;
	uk_plat_irq_restore(flags);
	ret = dev->ops->rxq_intr_enable(dev, queue_id);
	if (ret < 0) {
		flags = uk_plat_irq_save();
		dev->rxq_intr_armed &= ~(1U << queue_id);
		uk_plat_irq_restore(flags);
	}
	return ret;
}

int uk_netdev_rxq_intr_disable(struct uk_netdev *dev, uint16_t queue_id)
{
	unsigned long flags;
	int ret;

	ret = rxq_intr_check(dev, queue_id);
	if (ret < 0)
		return ret;
	flags = uk_plat_irq_save();
	dev->rxq_intr_armed &= ~(1U << queue_id);
	uk_plat_irq_restore(flags);
	return dev->ops->rxq_intr_disable(dev, queue_id);
}

void uk_netdev_rxq_event(struct uk_netdev *dev, uint16_t queue_id)
{
	uint32_t bit;

	if (!dev || queue_id >= UK_NETDEV_MAX_QUEUES)
		return;
	bit = 1U << queue_id;
	if (!(dev->rxq_intr_armed & bit) ||
	    !dev->rxq_event[queue_id].callback)
		return;
	dev->rxq_intr_armed &= ~bit;
	dev->rxq_event[queue_id].callback(dev, queue_id,
					  dev->rxq_event[queue_id].cookie);
}

int uk_netdev_tx_burst(struct uk_netdev *dev, uint16_t queue_id,
		       struct uk_netbuf **pkts, uint16_t *cnt)
{
	if (unlikely(!dev || !cnt || (*cnt && !pkts) ||
		     dev->state != UK_NETDEV_RUNNING ||
		     queue_id >= dev->conf.nb_tx_queues))
		return -EINVAL;
	if (*cnt == 0)
		return 0;
	return dev->ops->tx_burst(dev, queue_id, pkts, cnt);
}

int uk_netdev_rx_burst(struct uk_netdev *dev, uint16_t queue_id,
		       struct uk_netbuf **pkts, uint16_t *cnt)
{
	if (unlikely(!dev || !cnt || (*cnt && !pkts) ||
		     dev->state != UK_NETDEV_RUNNING ||
		     queue_id >= dev->conf.nb_rx_queues))
		return -EINVAL;
	if (*cnt == 0)
		return 0;
	return dev->ops->rx_burst(dev, queue_id, pkts, cnt);
}
