/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The linuxu tap network device: one uknetdev per `-n TAP` option, each
 * attached to an existing host tap interface through /dev/net/tun
 * (TUNSETIFF with IFF_TAP | IFF_NO_PI: whole Ethernet frames, no packet
 * information header). The descriptor is non-blocking: one read() is one
 * received frame, one write() one sent frame, -EAGAIN means "nothing
 * now" or "queue full".
 *
 * The host is untrusted like any device: a frame shorter than an
 * Ethernet header or longer than the buffer (or our MTU) is dropped and
 * counted in rx_errors. Oversized frames are detected by reading with a
 * second, scratch segment behind the buffer: the kernel fills it only if
 * the frame does not fit.
 *
 * Interrupt mode is SIGIO (irq line K_SIGIO): the tun driver signals the
 * owner of an O_ASYNC descriptor for every queued frame. O_ASYNC is on
 * only while the queue's interrupt is enabled, so a polling user pays no
 * signal per frame.
 *
 * One rx and one tx queue; the data path of a queue has one user at a
 * time (uk/netdev.h), so no locking beyond the interrupt flag.
 */
#include <errno.h>
#include <uk/alloc.h>
#include <uk/init.h>
#include <uk/netdev_driver.h>
#include <uk/plat/irq.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/linuxu/hostdev.h>
#include <uk/print.h>
#include <linuxu/io.h>
#include <linuxu/signal.h>
#include <linuxu/syscall.h>

/* linux/if_tun.h and linux/if.h, the parts we use. */
#define K_TUNSETIFF	0x400454caUL	/* _IOW('T', 202, int) */
#define K_IFF_TAP	0x0002
#define K_IFF_NO_PI	0x1000
#define K_IFNAMSIZ	16
#define K_SIOCGIFFLAGS	0x8913

struct k_ifreq {
	char ifr_name[K_IFNAMSIZ];
	union {
		short ifr_flags;
		char pad[24];
	};
};

_Static_assert(sizeof(struct k_ifreq) == 40, "struct ifreq is 40 bytes");

#define TAP_DRV_NAME	"tap"
#define TAP_MTU		1500
#define ETH_HLEN	14
/* The longest frame accepted either way: MTU + header + one VLAN tag. */
#define TAP_MAX_FRAME	(TAP_MTU + ETH_HLEN + 4)
#define TAP_RX_DEFAULT_DESC	64
#define TAP_RX_MAX_DESC		1024
/* Exit status when a -n interface cannot be used: the user's mistake. */
#define TAP_EXIT_USAGE	2
/* Segments of one tx packet (a netbuf chain). */
#define TAP_TX_MAX_SEGS	16

struct tap_dev {
	struct uk_netdev dev;
	const char *ifname;
	int fd;
	/* rx: spare buffers from the user's alloc_rxpkts, used as a stack */
	struct uk_netbuf **spare;
	uint16_t nspare, nb_desc;
	uk_netdev_alloc_rxpkts alloc_rxpkts;
	void *alloc_rxpkts_argp;
	/* 1 while the rx interrupt is enabled (O_ASYNC on) */
	volatile int intr_on;
	int irq_registered;
};

#define TAP(d) container_of(d, struct tap_dev, dev)

/*
 * Where oversized frames end up: its content is never read, so every
 * device may share it.
 */
static char tap_scratch[65536];

static void tap_info_get(struct uk_netdev *dev __unused,
			 struct uk_netdev_info *info)
{
	info->max_rx_queues = 1;
	info->max_tx_queues = 1;
	info->max_mtu = TAP_MTU;
	info->nb_encap_tx = 0;
	info->nb_encap_rx = 0;
	info->ioalign = 0;
	info->features = UK_NETDEV_F_RXQ_INTR;
}

/* Top up the spare buffers; returns 0, or -ENOMEM if none could be had. */
static int tap_refill(struct tap_dev *t)
{
	uint16_t want = t->nb_desc - t->nspare, got;

	if (!want)
		return 0;
	got = t->alloc_rxpkts(t->alloc_rxpkts_argp, &t->spare[t->nspare],
			      want);
	t->nspare += MIN(got, want);
	return t->nspare ? 0 : -ENOMEM;
}

/* O_ASYNC on or off: whether the host sends SIGIO for incoming frames. */
static long tap_async(struct tap_dev *t, int on)
{
	return sys_fcntl(t->fd, K_F_SETFL, K_O_RDWR | K_O_NONBLOCK |
			 (on ? K_O_ASYNC : 0));
}

/* 1 when a frame is waiting on the descriptor. */
static int tap_readable(struct tap_dev *t)
{
	struct k_pollfd pfd = { .fd = t->fd, .events = K_POLLIN };

	return sys_poll(&pfd, 1, 0) > 0 && (pfd.revents & K_POLLIN);
}

static int tap_irq(void *arg)
{
	struct tap_dev *t = arg;

	/* SIGIO does not say which descriptor: ask ours. */
	if (!t->intr_on || !tap_readable(t))
		return 0;
	/* One event per enable: stop the signals until re-enabled. */
	t->intr_on = 0;
	tap_async(t, 0);
	uk_netdev_rxq_event(&t->dev, 0);
	return 1;
}

static int tap_rxq_configure(struct uk_netdev *dev,
			     uint16_t queue_id __unused, uint16_t nb_desc,
			     const struct uk_netdev_rxqueue_conf *conf)
{
	struct tap_dev *t = TAP(dev);
	int ret;

	if (nb_desc == 0)
		nb_desc = TAP_RX_DEFAULT_DESC;
	if (nb_desc > TAP_RX_MAX_DESC)
		return -EINVAL;
	t->spare = uk_calloc(conf->a, nb_desc, sizeof(*t->spare));
	if (!t->spare)
		return -ENOMEM;
	t->nb_desc = nb_desc;
	t->nspare = 0;
	t->alloc_rxpkts = conf->alloc_rxpkts;
	t->alloc_rxpkts_argp = conf->alloc_rxpkts_argp;

	if (conf->callback && !t->irq_registered) {
		ret = uk_plat_irq_register(K_SIGIO, tap_irq, t);
		if (ret < 0) {
			uk_free(conf->a, t->spare);
			t->spare = NULL;
			return ret;
		}
		t->irq_registered = 1;
	}
	/* Fewer buffers than asked is fine: rx_burst refills. */
	tap_refill(t);
	return 0;
}

static int tap_rxq_intr_enable(struct uk_netdev *dev,
			       uint16_t queue_id __unused)
{
	struct tap_dev *t = TAP(dev);
	long ret;

	t->intr_on = 1;
	ret = tap_async(t, 1);
	if (ret < 0) {
		t->intr_on = 0;
		return (int)ret;
	}
	/* Frames queued before O_ASYNC raised no signal: say so. */
	return tap_readable(t);
}

static int tap_rxq_intr_disable(struct uk_netdev *dev,
				uint16_t queue_id __unused)
{
	struct tap_dev *t = TAP(dev);

	t->intr_on = 0;
	return (int)tap_async(t, 0);
}

static int tap_rx_burst(struct uk_netdev *dev, uint16_t queue_id __unused,
			struct uk_netbuf **pkts, uint16_t *cnt)
{
	struct tap_dev *t = TAP(dev);
	struct k_iovec iov[2];
	uint16_t n = 0, want = *cnt;
	struct uk_netbuf *nb;
	int status = 0;
	size_t room;
	long r;

	while (n < want) {
		if (!t->nspare && tap_refill(t) < 0) {
			status |= UK_NETDEV_STATUS_UNDERRUN;
			break;
		}
		nb = t->spare[t->nspare - 1];
		room = uk_netbuf_tailroom(nb);
		iov[0].iov_base = nb->data;
		iov[0].iov_len = room;
		iov[1].iov_base = tap_scratch;
		iov[1].iov_len = sizeof(tap_scratch);
		r = sys_readv(t->fd, iov, 2);
		if (r == -EAGAIN)
			break;
		if (r == -EINTR)
			continue;
		if (r < 0) {
			/* The host broke the descriptor: count, stop. */
			dev->stats.rx_errors++;
			break;
		}
		if (r < ETH_HLEN || (size_t)r > room || r > TAP_MAX_FRAME) {
			/* Malformed: dropped, the buffer is reused. */
			dev->stats.rx_errors++;
			continue;
		}
		t->nspare--;
		nb->len = (uint32_t)r;
		nb->next = NULL;
		nb->flags = 0;
		pkts[n++] = nb;
		dev->stats.rx_packets++;
		dev->stats.rx_bytes += (uint64_t)r;
	}
	if (t->nspare < t->nb_desc && tap_refill(t) < 0)
		status |= UK_NETDEV_STATUS_UNDERRUN;
	*cnt = n;
	if (n)
		status |= UK_NETDEV_STATUS_SUCCESS;
	/* A full burst may have left more: one cheap look. */
	if (n == want && tap_readable(t))
		status |= UK_NETDEV_STATUS_MORE;
	return status;
}

static int tap_tx_burst(struct uk_netdev *dev, uint16_t queue_id __unused,
			struct uk_netbuf **pkts, uint16_t *cnt)
{
	struct tap_dev *t = TAP(dev);
	struct k_iovec iov[TAP_TX_MAX_SEGS];
	struct uk_netbuf *seg;
	int nseg, status = UK_NETDEV_STATUS_MORE;
	uint16_t i;
	size_t len;
	long r;

	for (i = 0; i < *cnt; i++) {
		len = 0;
		nseg = 0;
		for (seg = pkts[i]; seg && nseg < TAP_TX_MAX_SEGS;
		     seg = seg->next) {
			iov[nseg].iov_base = seg->data;
			iov[nseg].iov_len = seg->len;
			len += seg->len;
			nseg++;
		}
		if (seg || len < ETH_HLEN || len > TAP_MAX_FRAME) {
			/* Not a frame we can send: taken and counted. */
			dev->stats.tx_errors++;
			uk_netbuf_free(pkts[i]);
			continue;
		}
		do {
			r = sys_writev(t->fd, iov, nseg);
		} while (r == -EINTR);
		if (r == -EAGAIN) {
			/* Host queue full: the rest stay the caller's. */
			dev->stats.tx_dropped++;
			status = 0;
			break;
		}
		if (r < 0 || (size_t)r != len) {
			dev->stats.tx_errors++;
		} else {
			dev->stats.tx_packets++;
			dev->stats.tx_bytes += len;
		}
		uk_netbuf_free(pkts[i]);
	}
	*cnt = i;
	if (i)
		status |= UK_NETDEV_STATUS_SUCCESS;
	return status;
}

static const struct uk_netdev_ops tap_ops = {
	.info_get = tap_info_get,
	.rxq_configure = tap_rxq_configure,
	.rxq_intr_enable = tap_rxq_intr_enable,
	.rxq_intr_disable = tap_rxq_intr_disable,
	.tx_burst = tap_tx_burst,
	.rx_burst = tap_rx_burst,
};

/*
 * A stable, locally administered unicast MAC from the interface name
 * (FNV-1a): the same -n TAP gives the same address on every boot, so
 * the host's neighbour cache stays valid across restarts.
 */
static void tap_make_mac(const char *name, struct uk_netdev_hwaddr *hw)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	unsigned int i;

	for (; *name; name++) {
		h ^= (unsigned char)*name;
		h *= 0x100000001b3ULL;
	}
	hw->addr[0] = 0x02;	/* locally administered, unicast */
	for (i = 1; i < UK_NETDEV_HWADDR_LEN; i++)
		hw->addr[i] = (uint8_t)(h >> (8 * i));
}

static const char *tap_errstr(long err)
{
	switch (err) {
	case -ENODEV:
		return "no such network interface";
	case -EINVAL:
		return "not a tap interface";
	case -EPERM:
	case -EACCES:
		return "permission denied (CAP_NET_ADMIN or the tap's owner)";
	case -EBUSY:
		return "interface busy: another process has it open";
	case -ENOENT:
		return "/dev/net/tun is missing";
	case -ENAMETOOLONG:
		return "interface name too long (15 characters at most)";
	default:
		return "cannot attach";
	}
}

/* A -n interface we cannot use ends the boot: the user asked for it. */
static __noreturn void tap_die(const char *ifname, const char *step,
			       long err)
{
	uk_pr_crit("tap: -n %s: %s: %s (errno %ld)\n", ifname, step,
		   tap_errstr(err), -err);
	uk_plat_terminate(UK_PLAT_HALT, TAP_EXIT_USAGE);
}

/*
 * Attach to the existing interface @ifname. TUNSETIFF would silently
 * create a missing interface (down and unconfigured, so frames would go
 * nowhere): the interface is looked up first.
 */
static int tap_open(const char *ifname, const char **step)
{
	struct k_ifreq ifr = { 0 };
	unsigned int i;
	long fd, sock, ret;

	for (i = 0; ifname[i]; i++) {
		if (i == K_IFNAMSIZ - 1) {
			*step = "interface name";
			return -ENAMETOOLONG;
		}
		ifr.ifr_name[i] = ifname[i];
	}

	*step = "looking up the interface";
	sock = sys_socket(K_AF_INET, K_SOCK_DGRAM | K_SOCK_CLOEXEC, 0);
	if (sock < 0)
		return (int)sock;
	ret = sys_ioctl((int)sock, K_SIOCGIFFLAGS, &ifr);
	sys_close((int)sock);
	if (ret < 0)
		return (int)ret;

	*step = "opening /dev/net/tun";
	fd = sys_open("/dev/net/tun", K_O_RDWR | K_O_NONBLOCK | K_O_CLOEXEC,
		      0);
	if (fd < 0)
		return (int)fd;
	*step = "attaching (TUNSETIFF)";
	ifr.ifr_flags = K_IFF_TAP | K_IFF_NO_PI;
	ret = sys_ioctl((int)fd, K_TUNSETIFF, &ifr);
	if (ret < 0)
		goto out_close;
	/* SIGIO comes to this process once O_ASYNC is on. */
	*step = "F_SETOWN";
	ret = sys_fcntl((int)fd, K_F_SETOWN, sys_getpid());
	if (ret < 0)
		goto out_close;
	return (int)fd;

out_close:
	sys_close((int)fd);
	return (int)ret;
}

static int tap_probe(void)
{
	struct uk_alloc *a = uk_alloc_get_default();
	const char *ifname, *step = "";
	struct tap_dev *t;
	unsigned int idx;
	int fd, ret;

	for (idx = 0; (ifname = uk_linuxu_hostdev(UK_LINUXU_HOSTDEV_NET,
						  idx)); idx++) {
		fd = tap_open(ifname, &step);
		if (fd < 0)
			tap_die(ifname, step, fd);
		t = uk_calloc(a, 1, sizeof(*t));
		if (!t)
			tap_die(ifname, "device state", -ENOMEM);
		t->ifname = ifname;
		t->fd = fd;
		t->dev.ops = &tap_ops;
		t->dev.drv_name = TAP_DRV_NAME;
		t->dev.mtu = TAP_MTU;
		tap_make_mac(ifname, &t->dev.hwaddr);
		ret = uk_netdev_register(&t->dev);
		if (ret < 0)
			tap_die(ifname, "registering the device", ret);
		uk_pr_info("tap: -n %s: netdev %u, mac "
			   "%02x:%02x:%02x:%02x:%02x:%02x\n",
			   ifname, uk_netdev_id(&t->dev),
			   t->dev.hwaddr.addr[0], t->dev.hwaddr.addr[1],
			   t->dev.hwaddr.addr[2], t->dev.hwaddr.addr[3],
			   t->dev.hwaddr.addr[4], t->dev.hwaddr.addr[5]);
	}
	return 0;
}

uk_plat_initcall(tap_probe, NULL);
