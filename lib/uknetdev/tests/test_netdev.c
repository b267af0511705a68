/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uknetdev API checks against a fake driver: the device list, the state
 * order, queue bounds, bursts and the interrupt semantics. The fake
 * records which ops ran, so a test can also check that a refused call
 * never reached the driver. Fake devices are taken off the list at the
 * end of each case.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/netdev_driver.h>
#include <uk/plat/irq.h>
#include <uk/test.h>
#include "../netdev_internal.h"

struct fake {
	struct uk_netdev dev;
	unsigned int op_calls;	/* ops other than info_get */
	unsigned int pending;	/* "received" packets waiting */
	int intr_on;		/* the device's own interrupt switch */
	unsigned int events;	/* callback calls */
	int start_ret;		/* what start returns */
};

#define FAKE(d) container_of(d, struct fake, dev)

static void fake_info_get(struct uk_netdev *dev __unused,
			  struct uk_netdev_info *info)
{
	info->max_rx_queues = 2;
	info->max_tx_queues = 2;
	info->max_mtu = 1500;
	info->features = UK_NETDEV_F_RXQ_INTR;
}

static int fake_configure(struct uk_netdev *dev,
			  const struct uk_netdev_conf *conf __unused)
{
	FAKE(dev)->op_calls++;
	return 0;
}

static int fake_rxq_configure(struct uk_netdev *dev,
			      uint16_t queue_id __unused,
			      uint16_t nb_desc __unused,
			      const struct uk_netdev_rxqueue_conf *c __unused)
{
	FAKE(dev)->op_calls++;
	return 0;
}

static int fake_txq_configure(struct uk_netdev *dev,
			      uint16_t queue_id __unused,
			      uint16_t nb_desc __unused,
			      const struct uk_netdev_txqueue_conf *c __unused)
{
	FAKE(dev)->op_calls++;
	return 0;
}

static int fake_start(struct uk_netdev *dev)
{
	FAKE(dev)->op_calls++;
	return FAKE(dev)->start_ret;
}

static int fake_intr_enable(struct uk_netdev *dev,
			    uint16_t queue_id __unused)
{
	FAKE(dev)->intr_on = 1;
	return FAKE(dev)->pending ? 1 : 0;
}

static int fake_intr_disable(struct uk_netdev *dev,
			     uint16_t queue_id __unused)
{
	FAKE(dev)->intr_on = 0;
	return 0;
}

/* tx takes everything and frees it, counting. */
static int fake_tx_burst(struct uk_netdev *dev, uint16_t queue_id __unused,
			 struct uk_netbuf **pkts, uint16_t *cnt)
{
	uint16_t i;

	for (i = 0; i < *cnt; i++) {
		dev->stats.tx_packets++;
		dev->stats.tx_bytes += uk_netbuf_pktlen(pkts[i]);
		uk_netbuf_free(pkts[i]);
	}
	return *cnt ? UK_NETDEV_STATUS_SUCCESS | UK_NETDEV_STATUS_MORE : 0;
}

/* rx "receives" the pending count as empty packets (none here). */
static int fake_rx_burst(struct uk_netdev *dev, uint16_t queue_id __unused,
			 struct uk_netbuf **pkts __unused, uint16_t *cnt)
{
	FAKE(dev)->pending = 0;
	*cnt = 0;
	return 0;
}

static const struct uk_netdev_ops fake_ops = {
	.info_get = fake_info_get,
	.configure = fake_configure,
	.rxq_configure = fake_rxq_configure,
	.txq_configure = fake_txq_configure,
	.start = fake_start,
	.rxq_intr_enable = fake_intr_enable,
	.rxq_intr_disable = fake_intr_disable,
	.tx_burst = fake_tx_burst,
	.rx_burst = fake_rx_burst,
};

static uint16_t no_rxpkts(void *argp __unused,
			  struct uk_netbuf *pkts[] __unused,
			  uint16_t count __unused)
{
	return 0;
}

static void on_event(struct uk_netdev *dev, uint16_t queue_id __unused,
		     void *cookie __unused)
{
	FAKE(dev)->events++;
}

static void fake_init(struct fake *f)
{
	memset(f, 0, sizeof(*f));
	f->dev.ops = &fake_ops;
	f->dev.drv_name = "fake";
	f->dev.mtu = 1500;
	f->dev.hwaddr.addr[0] = 0x02;
}

/* Register, configure 1 rx (interrupt mode when @intr) + 1 tx, start. */
static int fake_bringup(struct fake *f, int intr)
{
	struct uk_netdev_conf conf = { .nb_rx_queues = 1, .nb_tx_queues = 1 };
	struct uk_netdev_rxqueue_conf rxc = {
		.a = uk_alloc_get_default(),
		.alloc_rxpkts = no_rxpkts,
		.callback = intr ? on_event : NULL,
	};
	struct uk_netdev_txqueue_conf txc = { .a = uk_alloc_get_default() };
	int ret;

	fake_init(f);
	ret = uk_netdev_register(&f->dev);
	if (ret == 0)
		ret = uk_netdev_configure(&f->dev, &conf);
	if (ret == 0)
		ret = uk_netdev_rxq_configure(&f->dev, 0, 0, &rxc);
	if (ret == 0)
		ret = uk_netdev_txq_configure(&f->dev, 0, 0, &txc);
	if (ret == 0)
		ret = uk_netdev_start(&f->dev);
	return ret;
}

UK_TESTCASE(uknetdev, register_lists_devices)
{
	unsigned int base = uk_netdev_count();
	struct fake a, b;

	fake_init(&a);
	fake_init(&b);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_register(&a.dev), 0);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_register(&b.dev), 0);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_count(), base + 2);
	UK_TEST_EXPECT_PTR_EQ(uk_netdev_get(base), &a.dev);
	UK_TEST_EXPECT_PTR_EQ(uk_netdev_get(base + 1), &b.dev);
	UK_TEST_EXPECT_NULL(uk_netdev_get(base + 2));
	UK_TEST_EXPECT_INT_EQ(uk_netdev_id(&b.dev), base + 1);
	UK_TEST_EXPECT_STR_EQ(uk_netdev_drv_name(&a.dev), "fake");
	/* before: registered; after: still once */
	UK_TEST_EXPECT_INT_EQ(uk_netdev_register(&a.dev), -EEXIST);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_count(), base + 2);
	_uk_netdev_registry_truncate(base);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_count(), base);
}

UK_TESTCASE(uknetdev, register_rejects_incomplete_ops)
{
	static const struct uk_netdev_ops no_rx = {
		.info_get = fake_info_get,
		.configure = fake_configure,
		.rxq_configure = fake_rxq_configure,
		.txq_configure = fake_txq_configure,
		.start = fake_start,
		.tx_burst = fake_tx_burst,
	};
	unsigned int base = uk_netdev_count();
	struct fake f;

	fake_init(&f);
	f.dev.ops = &no_rx;
	UK_TEST_EXPECT_INT_EQ(uk_netdev_register(&f.dev), -EINVAL);
	f.dev.ops = NULL;
	UK_TEST_EXPECT_INT_EQ(uk_netdev_register(&f.dev), -EINVAL);
	f.dev.ops = &fake_ops;
	f.dev.drv_name = NULL;
	UK_TEST_EXPECT_INT_EQ(uk_netdev_register(&f.dev), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_register(NULL), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_count(), base);
}

UK_TESTCASE(uknetdev, register_full_list)
{
	static struct fake many[CONFIG_LIBUKNETDEV_MAX_DEVICES + 1];
	unsigned int base = uk_netdev_count(), i;
	int ret = 0;

	for (i = 0; i < ARRAY_SIZE(many); i++) {
		fake_init(&many[i]);
		ret = uk_netdev_register(&many[i].dev);
		if (ret < 0)
			break;
	}
	UK_TEST_EXPECT_INT_EQ(ret, -ENOMEM);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_count(),
			      CONFIG_LIBUKNETDEV_MAX_DEVICES);
	_uk_netdev_registry_truncate(base);
}

UK_TESTCASE(uknetdev, state_order)
{
	struct uk_netdev_conf conf = { .nb_rx_queues = 1, .nb_tx_queues = 1 };
	struct uk_netdev_rxqueue_conf rxc = {
		.a = uk_alloc_get_default(), .alloc_rxpkts = no_rxpkts,
	};
	struct uk_netdev_txqueue_conf txc = { .a = uk_alloc_get_default() };
	unsigned int base = uk_netdev_count();
	struct uk_netbuf *pkts[1];
	uint16_t cnt = 1;
	struct fake f;

	fake_init(&f);
	UK_TEST_ASSERT_INT_EQ(uk_netdev_register(&f.dev), 0);
	/* before: unconfigured; queue setup, start and bursts refused */
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rxq_configure(&f.dev, 0, 0, &rxc),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_txq_configure(&f.dev, 0, 0, &txc),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_start(&f.dev), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rx_burst(&f.dev, 0, pkts, &cnt),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_tx_burst(&f.dev, 0, pkts, &cnt),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(f.op_calls, 0);

	UK_TEST_ASSERT_INT_EQ(uk_netdev_configure(&f.dev, &conf), 0);
	/* configured twice: refused */
	UK_TEST_EXPECT_INT_EQ(uk_netdev_configure(&f.dev, &conf), -EINVAL);
	/* start before the queues: refused */
	UK_TEST_EXPECT_INT_EQ(uk_netdev_start(&f.dev), -EINVAL);
	UK_TEST_ASSERT_INT_EQ(uk_netdev_rxq_configure(&f.dev, 0, 0, &rxc), 0);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rxq_configure(&f.dev, 0, 0, &rxc),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_start(&f.dev), -EINVAL);
	UK_TEST_ASSERT_INT_EQ(uk_netdev_txq_configure(&f.dev, 0, 0, &txc), 0);
	UK_TEST_EXPECT_INT_EQ(f.op_calls, 3);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_start(&f.dev), 0);
	UK_TEST_EXPECT_INT_EQ(f.dev.state, UK_NETDEV_RUNNING);
	/* after: running; setup calls refused, without reaching the driver */
	UK_TEST_EXPECT_INT_EQ(uk_netdev_start(&f.dev), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_configure(&f.dev, &conf), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_txq_configure(&f.dev, 0, 0, &txc),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(f.op_calls, 4);
	_uk_netdev_registry_truncate(base);
}

UK_TESTCASE(uknetdev, start_failure_keeps_state)
{
	/* A device with tx only: nb_rx_queues 0 is allowed. */
	struct uk_netdev_conf conf = { .nb_rx_queues = 0, .nb_tx_queues = 1 };
	struct uk_netdev_txqueue_conf txc = { .a = uk_alloc_get_default() };
	unsigned int base = uk_netdev_count();
	struct fake f;

	fake_init(&f);
	f.start_ret = -EIO;
	UK_TEST_ASSERT_INT_EQ(uk_netdev_register(&f.dev), 0);
	UK_TEST_ASSERT_INT_EQ(uk_netdev_configure(&f.dev, &conf), 0);
	UK_TEST_ASSERT_INT_EQ(uk_netdev_txq_configure(&f.dev, 0, 0, &txc), 0);
	/* before: the driver fails to start; after: still configured */
	UK_TEST_EXPECT_INT_EQ(uk_netdev_start(&f.dev), -EIO);
	UK_TEST_EXPECT_INT_EQ(f.dev.state, UK_NETDEV_CONFIGURED);
	f.start_ret = 0;
	UK_TEST_EXPECT_INT_EQ(uk_netdev_start(&f.dev), 0);
	_uk_netdev_registry_truncate(base);
}

UK_TESTCASE(uknetdev, queue_bounds)
{
	struct uk_netdev_conf conf = { .nb_rx_queues = 3, .nb_tx_queues = 1 };
	struct uk_netdev_rxqueue_conf rxc = {
		.a = uk_alloc_get_default(), .alloc_rxpkts = no_rxpkts,
	};
	struct uk_netdev_txqueue_conf txc = { .a = uk_alloc_get_default() };
	unsigned int base = uk_netdev_count();
	struct uk_netbuf *pkts[1];
	uint16_t cnt;
	struct fake f;

	fake_init(&f);
	UK_TEST_ASSERT_INT_EQ(uk_netdev_register(&f.dev), 0);
	/* more queues than the device has (2), or none at all */
	UK_TEST_EXPECT_INT_EQ(uk_netdev_configure(&f.dev, &conf), -EINVAL);
	conf.nb_rx_queues = 0;
	conf.nb_tx_queues = 0;
	UK_TEST_EXPECT_INT_EQ(uk_netdev_configure(&f.dev, &conf), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(f.dev.state, UK_NETDEV_UNCONFIGURED);
	conf.nb_rx_queues = 1;
	conf.nb_tx_queues = 1;
	UK_TEST_ASSERT_INT_EQ(uk_netdev_configure(&f.dev, &conf), 0);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rxq_configure(&f.dev, 1, 0, &rxc),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rxq_configure(&f.dev, 0xffff, 0, &rxc),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_txq_configure(&f.dev, 1, 0, &txc),
			      -EINVAL);
	/* a queue configuration without its allocator callback */
	rxc.alloc_rxpkts = NULL;
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rxq_configure(&f.dev, 0, 0, &rxc),
			      -EINVAL);
	rxc.alloc_rxpkts = no_rxpkts;
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rxq_configure(&f.dev, 0, 0, NULL),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(f.op_calls, 1);
	UK_TEST_ASSERT_INT_EQ(uk_netdev_rxq_configure(&f.dev, 0, 0, &rxc), 0);
	UK_TEST_ASSERT_INT_EQ(uk_netdev_txq_configure(&f.dev, 0, 0, &txc), 0);
	UK_TEST_ASSERT_INT_EQ(uk_netdev_start(&f.dev), 0);

	cnt = 1;
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rx_burst(&f.dev, 1, pkts, &cnt),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_tx_burst(&f.dev, 1, pkts, &cnt),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rx_burst(&f.dev, 0, NULL, &cnt),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rx_burst(&f.dev, 0, pkts, NULL),
			      -EINVAL);
	cnt = 0;
	UK_TEST_EXPECT_INT_EQ(uk_netdev_tx_burst(&f.dev, 0, NULL, &cnt), 0);
	_uk_netdev_registry_truncate(base);
}

UK_TESTCASE(uknetdev, tx_burst_and_stats)
{
	unsigned int base = uk_netdev_count();
	struct uk_netdev_stats st;
	struct uk_netbuf *pkts[2];
	uint16_t cnt = 2;
	struct fake f;
	int ret;

	UK_TEST_ASSERT_INT_EQ(fake_bringup(&f, 0), 0);
	pkts[0] = uk_netbuf_alloc(uk_alloc_get_default(), 128, 16, 0, 0);
	pkts[1] = uk_netbuf_alloc(uk_alloc_get_default(), 128, 16, 0, 0);
	UK_TEST_ASSERT(pkts[0] && pkts[1]);
	pkts[0]->len = 60;
	pkts[1]->len = 100;
	ret = uk_netdev_tx_burst(&f.dev, 0, pkts, &cnt);
	UK_TEST_EXPECT_INT_EQ(ret, UK_NETDEV_STATUS_SUCCESS |
			      UK_NETDEV_STATUS_MORE);
	UK_TEST_EXPECT_INT_EQ(cnt, 2);
	uk_netdev_stats_get(&f.dev, &st);
	UK_TEST_EXPECT_UINT_EQ(st.tx_packets, 2);
	UK_TEST_EXPECT_UINT_EQ(st.tx_bytes, 160);
	UK_TEST_EXPECT_UINT_EQ(st.rx_packets, 0);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_mtu_get(&f.dev), 1500);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_hwaddr_get(&f.dev)->addr[0], 0x02);
	_uk_netdev_registry_truncate(base);
}

UK_TESTCASE(uknetdev, polling_queue_has_no_interrupt)
{
	unsigned int base = uk_netdev_count();
	struct fake f;

	UK_TEST_ASSERT_INT_EQ(fake_bringup(&f, 0), 0);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rxq_intr_enable(&f.dev, 0), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(f.intr_on, 0);
	/* an event on a polled queue calls nothing */
	uk_netdev_rxq_event(&f.dev, 0);
	UK_TEST_EXPECT_INT_EQ(f.events, 0);
	_uk_netdev_registry_truncate(base);
}

UK_TESTCASE(uknetdev, interrupt_once_per_enable)
{
	unsigned int base = uk_netdev_count();
	unsigned long flags;
	struct fake f;

	UK_TEST_ASSERT_INT_EQ(fake_bringup(&f, 1), 0);
	flags = uk_plat_irq_save();
	/* before: configured with a callback but not enabled: no call */
	uk_netdev_rxq_event(&f.dev, 0);
	UK_TEST_EXPECT_INT_EQ(f.events, 0);
	/* enabled: one event calls the callback, the next does not */
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rxq_intr_enable(&f.dev, 0), 0);
	UK_TEST_EXPECT_INT_EQ(f.intr_on, 1);
	uk_netdev_rxq_event(&f.dev, 0);
	uk_netdev_rxq_event(&f.dev, 0);
	UK_TEST_EXPECT_INT_EQ(f.events, 1);
	/* re-enabled: one more */
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rxq_intr_enable(&f.dev, 0), 0);
	uk_netdev_rxq_event(&f.dev, 0);
	UK_TEST_EXPECT_INT_EQ(f.events, 2);
	/* disabled after enable: no call */
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rxq_intr_enable(&f.dev, 0), 0);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rxq_intr_disable(&f.dev, 0), 0);
	UK_TEST_EXPECT_INT_EQ(f.intr_on, 0);
	uk_netdev_rxq_event(&f.dev, 0);
	UK_TEST_EXPECT_INT_EQ(f.events, 2);
	/* out-of-range queue ids are ignored */
	uk_netdev_rxq_event(&f.dev, 1);
	uk_netdev_rxq_event(&f.dev, 0xffff);
	UK_TEST_EXPECT_INT_EQ(f.events, 2);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rxq_intr_enable(&f.dev, 1), -EINVAL);
	uk_plat_irq_restore(flags);
	_uk_netdev_registry_truncate(base);
}

UK_TESTCASE(uknetdev, reenable_reports_waiting_packets)
{
	unsigned int base = uk_netdev_count();
	struct uk_netbuf *pkts[4];
	unsigned long flags;
	uint16_t cnt = 4;
	struct fake f;

	UK_TEST_ASSERT_INT_EQ(fake_bringup(&f, 1), 0);
	flags = uk_plat_irq_save();
	/* packets arrived while disabled: enable says "drain first" */
	f.pending = 3;
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rxq_intr_enable(&f.dev, 0), 1);
	/* drained: enable says 0, the next arrival interrupts */
	uk_netdev_rx_burst(&f.dev, 0, pkts, &cnt);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rxq_intr_enable(&f.dev, 0), 0);
	uk_netdev_rxq_event(&f.dev, 0);
	UK_TEST_EXPECT_INT_EQ(f.events, 1);
	uk_plat_irq_restore(flags);
	_uk_netdev_registry_truncate(base);
}

UK_TESTCASE(uknetdev, callback_needs_interrupt_support)
{
	static const struct uk_netdev_ops poll_only = {
		.info_get = fake_info_get,
		.configure = fake_configure,
		.rxq_configure = fake_rxq_configure,
		.txq_configure = fake_txq_configure,
		.start = fake_start,
		.tx_burst = fake_tx_burst,
		.rx_burst = fake_rx_burst,
	};
	struct uk_netdev_conf conf = { .nb_rx_queues = 1, .nb_tx_queues = 1 };
	struct uk_netdev_rxqueue_conf rxc = {
		.a = uk_alloc_get_default(), .alloc_rxpkts = no_rxpkts,
		.callback = on_event,
	};
	unsigned int base = uk_netdev_count();
	struct fake f;

	fake_init(&f);
	f.dev.ops = &poll_only;
	UK_TEST_ASSERT_INT_EQ(uk_netdev_register(&f.dev), 0);
	UK_TEST_ASSERT_INT_EQ(uk_netdev_configure(&f.dev, &conf), 0);
	UK_TEST_EXPECT_INT_EQ(uk_netdev_rxq_configure(&f.dev, 0, 0, &rxc),
			      -ENOTSUP);
	_uk_netdev_registry_truncate(base);
}
