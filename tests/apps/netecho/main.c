/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * netecho: answers ARP and ICMP echo requests for its IPv4 address on
 * network device 0, through uknetdev alone (no network stack), on any
 * platform with a network driver (linuxu: -n TAP, kvm: virtio-net).
 * Arguments are in args.c; frame handling in frame.c.
 *
 * Interrupt mode (default): the rx queue's callback sets a flag; the main
 * loop drains the queue, re-enables the interrupt and halts until an
 * interrupt with uk_plat_halt_irq() (interrupts disabled around the
 * flag check, so a frame arriving between the check and the halt still
 * wakes it). Polling mode calls rx_burst in a loop. The platform timer
 * bounds the waits (timeout=, the sink's idle=).
 *
 * Output, for the tests: a "netecho: ready ..." line once the device is
 * up, then at the end one line of counters and one of device stats.
 * Exit status: 0 when count= was reached or the sink ended (N frames
 * or idle), 1 on timeout or a device error, 2 on a bad command line or
 * no device.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/netdev.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>
#include "netecho.h"

#define RX_BURST	32
#define BUF_SIZE	2048
#define RX_DESC		0	/* the driver's default ring size */
/* A reply the device refuses this many times in a row is dropped. */
#define TX_RETRIES	1000

static struct netecho ne;
static struct uk_netdev *dev;
static struct uk_alloc *heap;
static size_t headroom;

static volatile int rx_flag, timer_flag;

/* Sink mode: what was received and when. */
static struct {
	uint64_t frames, bytes;
	__nsec first_ns, last_ns;
} sink;

static uint16_t alloc_rxpkts(void *argp __unused, struct uk_netbuf *pkts[],
			     uint16_t count)
{
	uint16_t i;

	for (i = 0; i < count; i++) {
		pkts[i] = uk_netbuf_alloc(heap, BUF_SIZE, headroom, 0, 0);
		if (!pkts[i])
			break;
	}
	return i;
}

static void on_rx(struct uk_netdev *d __unused, uint16_t queue_id __unused,
		  void *cookie __unused)
{
	ne.c.irq_events++;
	rx_flag = 1;
}

static void on_timer(void *arg __unused)
{
	timer_flag = 1;
}

static void send_reply(struct uk_netbuf *nb)
{
	unsigned int tries;
	uint16_t cnt;
	int ret;

	for (tries = 0; tries < TX_RETRIES; tries++) {
		cnt = 1;
		ret = uk_netdev_tx_burst(dev, 0, &nb, &cnt);
		if (ret < 0)
			break;
		if (cnt == 1) {
			ne.c.frames_out++;
			return;
		}
	}
	ne.c.tx_fail++;
	uk_netbuf_free(nb);
}

static void handle(struct uk_netbuf *nb)
{
	size_t reply_len = 0;

	ne.c.frames_in++;
	if (ne.opt.sink && nb->len >= 14 &&
	    ((uint8_t *)nb->data)[12] == NETECHO_SINK_ETHERTYPE >> 8 &&
	    ((uint8_t *)nb->data)[13] == (NETECHO_SINK_ETHERTYPE & 0xff)) {
		sink.last_ns = uk_plat_monotonic_ns();
		if (!sink.frames)
			sink.first_ns = sink.last_ns;
		sink.frames++;
		sink.bytes += uk_netbuf_pktlen(nb);
		uk_netbuf_free(nb);
		return;
	}
	/* A chained frame is not expected at our MTU: flatten nothing. */
	if (nb->next) {
		ne.c.ignored++;
		uk_netbuf_free(nb);
		return;
	}
	switch (netecho_frame(&ne, nb->data, nb->len,
			      nb->len + uk_netbuf_tailroom(nb), &reply_len)) {
	case NETECHO_REPLY:
		nb->len = (uint32_t)reply_len;
		nb->flags = 0;
		send_reply(nb);
		return;
	case NETECHO_MALFORMED:
		ne.c.malformed++;
		break;
	default:
		ne.c.ignored++;
		break;
	}
	uk_netbuf_free(nb);
}

/* Receive and handle everything waiting; returns -errno on error. */
static int drain(void)
{
	struct uk_netbuf *pkts[RX_BURST];
	uint16_t cnt, i;
	int ret;

	do {
		cnt = RX_BURST;
		ret = uk_netdev_rx_burst(dev, 0, pkts, &cnt);
		if (ret < 0)
			return ret;
		for (i = 0; i < cnt; i++)
			handle(pkts[i]);
	} while (cnt == RX_BURST || (ret & UK_NETDEV_STATUS_MORE));
	return 0;
}

static int done(void)
{
	if (ne.opt.sink)
		return sink.frames >= ne.opt.sink;
	return ne.opt.count && ne.c.icmp >= ne.opt.count;
}

static int setup(void)
{
	struct uk_netdev_conf conf = { .nb_rx_queues = 1, .nb_tx_queues = 1 };
	struct uk_netdev_rxqueue_conf rxc = {
		.alloc_rxpkts = alloc_rxpkts,
		.callback = ne.opt.poll ? NULL : on_rx,
	};
	struct uk_netdev_txqueue_conf txc = { 0 };
	struct uk_netdev_info info;
	int ret;

	heap = uk_alloc_get_default();
	rxc.a = heap;
	txc.a = heap;
	uk_netdev_info_get(dev, &info);
	/* A device without an rx interrupt is polled, whatever mode= said. */
	if (!ne.opt.poll && !(info.features & UK_NETDEV_F_RXQ_INTR)) {
		printf("netecho: the device has no rx interrupt: polling\n");
		ne.opt.poll = 1;
		rxc.callback = NULL;
	}
	headroom = ALIGN_UP(MAX(info.nb_encap_rx, info.nb_encap_tx), 16);
	ret = uk_netdev_configure(dev, &conf);
	if (ret < 0) {
		fprintf(stderr, "netecho: configure: %d\n", ret);
		return ret;
	}
	ret = uk_netdev_rxq_configure(dev, 0, RX_DESC, &rxc);
	if (ret < 0) {
		fprintf(stderr, "netecho: rx queue: %d%s\n", ret,
			ret == -ENOTSUP ? " (no rx interrupt: use mode=poll)"
					: "");
		return ret;
	}
	ret = uk_netdev_txq_configure(dev, 0, 0, &txc);
	if (ret < 0) {
		fprintf(stderr, "netecho: tx queue: %d\n", ret);
		return ret;
	}
	ret = uk_netdev_start(dev);
	if (ret < 0)
		fprintf(stderr, "netecho: start: %d\n", ret);
	return ret;
}

/* Sleep until a frame (interrupt mode) or the timer at @wake_ns. */
static int wait_rx(__nsec wake_ns)
{
	int ret;

	rx_flag = 0;
	ret = uk_netdev_rxq_intr_enable(dev, 0);
	if (ret < 0)
		return ret;
	if (ret == 1)
		return 0;	/* frames already waiting: drain first */
	timer_flag = 0;
	if (wake_ns)
		uk_plat_timer_arm(wake_ns);
	uk_plat_irq_disable();
	while (!rx_flag && !timer_flag)
		uk_plat_halt_irq();
	uk_plat_irq_enable();
	return 0;
}

static void print_counters(void)
{
	struct uk_netdev_stats st;

	printf("netecho: frames_in=%llu frames_out=%llu arp=%llu icmp=%llu "
	       "malformed=%llu ignored=%llu tx_fail=%llu irq_events=%llu\n",
	       (unsigned long long)ne.c.frames_in,
	       (unsigned long long)ne.c.frames_out,
	       (unsigned long long)ne.c.arp, (unsigned long long)ne.c.icmp,
	       (unsigned long long)ne.c.malformed,
	       (unsigned long long)ne.c.ignored,
	       (unsigned long long)ne.c.tx_fail,
	       (unsigned long long)ne.c.irq_events);
	uk_netdev_stats_get(dev, &st);
	printf("netecho: dev rx_packets=%llu rx_bytes=%llu tx_packets=%llu "
	       "tx_bytes=%llu rx_dropped=%llu rx_errors=%llu tx_dropped=%llu "
	       "tx_errors=%llu\n",
	       (unsigned long long)st.rx_packets,
	       (unsigned long long)st.rx_bytes,
	       (unsigned long long)st.tx_packets,
	       (unsigned long long)st.tx_bytes,
	       (unsigned long long)st.rx_dropped,
	       (unsigned long long)st.rx_errors,
	       (unsigned long long)st.tx_dropped,
	       (unsigned long long)st.tx_errors);
	if (ne.opt.sink) {
		__nsec span = sink.last_ns - sink.first_ns;

		/* n frames span n - 1 inter-arrival gaps. */
		printf("netecho: sink frames=%llu bytes=%llu span_ns=%llu "
		       "pps=%llu\n",
		       (unsigned long long)sink.frames,
		       (unsigned long long)sink.bytes,
		       (unsigned long long)span,
		       (unsigned long long)(span && sink.frames > 1 ?
			(sink.frames - 1) * UK_NSEC_PER_SEC / span : 0));
	}
}

int main(int argc, char *argv[])
{
	const struct uk_netdev_hwaddr *hw;
	__nsec deadline = 0, now, wake, idle_ns;
	int ret, status = 0;

	if (netecho_parse_args(argc, argv, &ne.opt) < 0)
		return NETECHO_EXIT_USAGE;
	if (uk_netdev_count() == 0) {
		fprintf(stderr, "netecho: no network device (linuxu: -n TAP, "
			"kvm: a virtio-net device; make run NET=TAP)\n");
		return NETECHO_EXIT_USAGE;
	}
	dev = uk_netdev_get(0);
	if (setup() < 0)
		return 1;
	hw = uk_netdev_hwaddr_get(dev);
	memcpy(ne.mac, hw->addr, 6);
	uk_plat_timer_set_handler(on_timer, NULL);
	idle_ns = ne.opt.idle_ms * UK_NSEC_PER_MSEC;
	if (ne.opt.timeout_s)
		deadline = uk_plat_monotonic_ns() +
			   ne.opt.timeout_s * UK_NSEC_PER_SEC;

	printf("netecho: ready dev=0 drv=%s mac=%02x:%02x:%02x:%02x:%02x:%02x "
	       "ip=%u.%u.%u.%u mode=%s%s\n", uk_netdev_drv_name(dev),
	       ne.mac[0], ne.mac[1], ne.mac[2], ne.mac[3], ne.mac[4],
	       ne.mac[5], ne.opt.ip[0], ne.opt.ip[1], ne.opt.ip[2],
	       ne.opt.ip[3], ne.opt.poll ? "poll" : "intr",
	       ne.opt.sink ? " sink" : "");
	if (!ne.opt.have_ip)
		printf("netecho: no ip=: ARP and ICMP are ignored\n");

	for (;;) {
		ret = drain();
		if (ret < 0) {
			fprintf(stderr, "netecho: rx: %d\n", ret);
			status = 1;
			break;
		}
		if (done())
			break;
		now = uk_plat_monotonic_ns();
		if (deadline && now >= deadline) {
			fprintf(stderr, "netecho: timeout after %lu s\n",
				ne.opt.timeout_s);
			status = 1;
			break;
		}
		wake = deadline;
		if (ne.opt.sink && sink.frames) {
			if (now - sink.last_ns >= idle_ns)
				break;
			if (!wake || sink.last_ns + idle_ns < wake)
				wake = sink.last_ns + idle_ns;
		}
		if (ne.opt.poll)
			continue;
		ret = wait_rx(wake);
		if (ret < 0) {
			fprintf(stderr, "netecho: rx interrupt: %d\n", ret);
			status = 1;
			break;
		}
	}
	uk_plat_timer_arm(0);
	print_counters();
	return status;
}
