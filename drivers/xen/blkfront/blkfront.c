/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * blkfront: a ukblkdev device per Xen virtual block device (vbd). For
 * each device/vbd/<id> of the guest's xenstore folder the frontend
 * follows the handshake of xen/io/blkif.h: wait for the backend's
 * InitWait; grant it one page of shared ring and allocate an event
 * channel; publish ring-ref, event-channel and protocol and go
 * Initialised (in one transaction, retried on EAGAIN); wait for the
 * backend's Connected; read the geometry; go Connected.
 *
 * A request uses one ring slot: up to 11 segments, each a granted page
 * of the caller's buffer (identity-mapped, so the page's address is its
 * frame) with its first and last 512-byte sector. The buffer must be
 * 512-byte aligned; max_sectors_per_req keeps every request within 10
 * pages wherever its buffer starts. A flush is BLKIF_OP_FLUSH_DISKCACHE
 * when the backend offers feature-flush-cache, else it completes at once
 * (nothing is cached in front of the disk).
 *
 * Nothing from xenstore or the ring is trusted: the backend's path and
 * domain id, sector count and size are checked (a bad one drops the
 * device with a message); a response index more than a ring ahead stops
 * the device (every request then fails with -EIO); a response whose id
 * is not a request in flight, or whose operation is not the request's,
 * is counted in bad_completions and ignored; a status other than OKAY,
 * ERROR or EOPNOTSUPP gives -EIO and is counted. Grants are ended on
 * completion; one the backend still maps is leaked, not reused.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/blkdev_driver.h>
#include <uk/init.h>
#include <uk/plat/xen/xen.h>
#include <uk/print.h>
#include <uk/xenbus.h>

/* The barriers Xen's ring macros leave to the guest. */
#define xen_mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define xen_rmb()	__atomic_thread_fence(__ATOMIC_ACQUIRE)
#define xen_wmb()	__atomic_thread_fence(__ATOMIC_RELEASE)
#include <xen/io/blkif.h>
#include <xen/io/protocols.h>
#include <xen/io/ring.h>

#define PAGE		4096UL
#define SECT		512UL
#define CONNECT_NS	((__nsec)CONFIG_LIBXENBLKFRONT_CONNECT_S * \
			 UK_NSEC_PER_SEC)
#define MAX_PAGES	(BLKIF_MAX_SEGMENTS_PER_REQUEST - 1)
#define NR_SLOTS	__CONST_RING_SIZE(blkif, PAGE)
#define PATH_MAX_LEN	96

struct slot {
	struct uk_blkreq *req;		/* NULL: free */
	uint8_t op;
	uint8_t nr_grants;
	unsigned int gref[BLKIF_MAX_SEGMENTS_PER_REQUEST];
};

struct blkfront {
	struct uk_blkdev dev;
	struct blkif_front_ring ring;
	unsigned int port;
	uint16_t backend_id;
	uint16_t handle;
	int broken;		/* a ring violation: every request -EIO */
	int intr;		/* queue interrupts on */
	int flush;		/* the backend has feature-flush-cache */
	uint64_t sectors;
	uint32_t ssize;
	int readonly;
	char name[16];
	char front[PATH_MAX_LEN];
	char back[PATH_MAX_LEN];
	struct slot slot[NR_SLOTS];
};

static struct blkfront *to_bf(struct uk_blkdev *dev)
{
	return container_of(dev, struct blkfront, dev);
}

static void info_get(struct uk_blkdev *dev, struct uk_blkdev_info *info)
{
	struct blkfront *bf = to_bf(dev);

	info->sectors = bf->sectors;
	info->ssize = bf->ssize;
	info->max_sectors_per_req = MAX_PAGES * PAGE / bf->ssize;
	info->max_queues = 1;
	info->ioalign = SECT;
	info->flags = UK_BLKDEV_F_QUEUE_INTR |
		      (bf->readonly ? UK_BLKDEV_F_READONLY : 0) |
		      (bf->flush ? UK_BLKDEV_F_FLUSH : 0);
}

static void end_grants(struct slot *s)
{
	unsigned int i;

	for (i = 0; i < s->nr_grants; i++)
		if (uk_xen_gnttab_end(s->gref[i]) < 0)
			uk_pr_warn("blkfront: grant %u still mapped by the backend: leaked\n",
				   s->gref[i]);
	s->nr_grants = 0;
}

static void complete(struct blkfront *bf, struct uk_blkreq *req, int result)
{
	req->result = result;
	uk_blkdev_req_done(&bf->dev, req);
}

static int submit_one(struct uk_blkdev *dev, uint16_t queue_id __unused,
		      struct uk_blkreq *req)
{
	struct blkfront *bf = to_bf(dev);
	struct blkif_request *r;
	uintptr_t addr, end, page;
	unsigned int n = 0, id;
	struct slot *s;
	int notify, ref;

	if (bf->broken) {
		complete(bf, req, -EIO);
		return 0;
	}
	if (req->op == UK_BLKREQ_FLUSH && !bf->flush) {
		complete(bf, req, 0);
		return 0;
	}
	if (RING_FULL(&bf->ring))
		return -EBUSY;
	for (id = 0; id < NR_SLOTS && bf->slot[id].req; id++)
		;
	if (id == NR_SLOTS)
		return -EBUSY;
	s = &bf->slot[id];

	r = RING_GET_REQUEST(&bf->ring, bf->ring.req_prod_pvt);
	r->handle = bf->handle;
	r->id = id;
	r->nr_segments = 0;
	r->sector_number = req->start_sector * (bf->ssize / SECT);
	if (req->op == UK_BLKREQ_FLUSH) {
		r->operation = BLKIF_OP_FLUSH_DISKCACHE;
	} else {
		r->operation = req->op == UK_BLKREQ_WRITE ? BLKIF_OP_WRITE :
							    BLKIF_OP_READ;
		addr = (uintptr_t)req->buf;
		end = addr + req->nb_sectors * bf->ssize;
		/* ukblkdev checked the size and the 512-byte alignment. */
		for (page = addr & ~(PAGE - 1); page < end; page += PAGE) {
			ref = uk_xen_gnttab_grant(bf->backend_id, page / PAGE,
						  req->op == UK_BLKREQ_WRITE);
			if (ref < 0 || n == BLKIF_MAX_SEGMENTS_PER_REQUEST) {
				if (ref >= 0)
					uk_xen_gnttab_end(ref);
				s->nr_grants = n;
				end_grants(s);
				return -EBUSY;	/* out of grants: later */
			}
			s->gref[n] = ref;
			r->seg[n].gref = ref;
			r->seg[n].first_sect =
				(MAX(addr, page) - page) / SECT;
			r->seg[n].last_sect =
				(MIN(end, page + PAGE) - page) / SECT - 1;
			n++;
		}
		r->nr_segments = n;
	}
	s->nr_grants = n;
	s->op = r->operation;
	s->req = req;
	bf->ring.req_prod_pvt++;
	RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&bf->ring, notify);
	if (notify)
		uk_xen_evtchn_notify(bf->port);
	return 0;	/* the grants stay until the response */
}

static int finish_reqs(struct uk_blkdev *dev, uint16_t queue_id __unused)
{
	struct blkfront *bf = to_bf(dev);
	struct blkif_response *rsp;
	RING_IDX cons, prod;
	struct slot *s;
	int more, done = 0, result;
	uint64_t id;

	if (bf->broken)
		return 0;
	do {
		prod = __atomic_load_n(&bf->ring.sring->rsp_prod,
				       __ATOMIC_ACQUIRE);
		cons = bf->ring.rsp_cons;
		if (prod - cons > NR_SLOTS) {
			uk_pr_err("blkfront %s: response index %u beyond the ring (at %u): device stopped\n",
				  bf->name, prod, cons);
			bf->broken = 1;
			bf->dev.stats.bad_completions++;
			return done;
		}
		for (; cons != prod; cons++) {
			rsp = RING_GET_RESPONSE(&bf->ring, cons);
			id = rsp->id;
			if (id >= NR_SLOTS || !bf->slot[id].req ||
			    rsp->operation != bf->slot[id].op) {
				bf->dev.stats.bad_completions++;
				continue;
			}
			s = &bf->slot[id];
			switch (rsp->status) {
			case BLKIF_RSP_OKAY:
				result = 0;
				break;
			case BLKIF_RSP_EOPNOTSUPP:
				result = -ENOTSUP;
				break;
			case BLKIF_RSP_ERROR:
				result = -EIO;
				break;
			default:
				bf->dev.stats.bad_completions++;
				result = -EIO;
				break;
			}
			end_grants(s);
			complete(bf, s->req, result);
			s->req = NULL;
			done++;
		}
		bf->ring.rsp_cons = cons;
		RING_FINAL_CHECK_FOR_RESPONSES(&bf->ring, more);
	} while (more);
	return done;
}

static int intr_enable(struct uk_blkdev *dev, uint16_t queue_id __unused)
{
	to_bf(dev)->intr = 1;
	return 0;
}

static int intr_disable(struct uk_blkdev *dev, uint16_t queue_id __unused)
{
	to_bf(dev)->intr = 0;
	return 0;
}

static const struct uk_blkdev_ops blkfront_ops = {
	.info_get = info_get,
	.submit_one = submit_one,
	.finish_reqs = finish_reqs,
	.queue_intr_enable = intr_enable,
	.queue_intr_disable = intr_disable,
};

static void on_event(unsigned int port __unused, void *arg)
{
	struct blkfront *bf = arg;

	if (bf->intr)
		uk_blkdev_queue_event(&bf->dev, 0);
}

/* @dir/@key into @buf; 0 or -errno. */
static int read_key(const char *dir, const char *key, char *buf, size_t size)
{
	char path[PATH_MAX_LEN + 32];
	size_t a = strlen(dir), b = strlen(key);

	if (a + 1 + b >= sizeof(path))
		return -E2BIG;
	memcpy(path, dir, a);
	path[a] = '/';
	memcpy(path + a + 1, key, b + 1);
	return uk_xenbus_read(UK_XENBUS_NO_TX, path, buf, size);
}

static int read_uint(const char *dir, const char *key,
		     unsigned long long max, unsigned long long *v)
{
	char path[PATH_MAX_LEN + 32];
	size_t a = strlen(dir), b = strlen(key);

	if (a + 1 + b >= sizeof(path))
		return -E2BIG;
	memcpy(path, dir, a);
	path[a] = '/';
	memcpy(path + a + 1, key, b + 1);
	return uk_xenbus_read_uint(UK_XENBUS_NO_TX, path, max, v);
}

static int write_key(uk_xenbus_tx_t tx, const char *dir, const char *key,
		     const char *val)
{
	char path[PATH_MAX_LEN + 32];
	size_t a = strlen(dir), b = strlen(key);

	if (a + 1 + b >= sizeof(path))
		return -E2BIG;
	memcpy(path, dir, a);
	path[a] = '/';
	memcpy(path + a + 1, key, b + 1);
	return uk_xenbus_write(tx, path, val);
}

static void utoa(unsigned long v, char *buf)
{
	char tmp[24];
	int i = 0, j = 0;

	do {
		tmp[i++] = '0' + v % 10;
		v /= 10;
	} while (v);
	while (i)
		buf[j++] = tmp[--i];
	buf[j] = '\0';
}

/* Publish the ring and go Initialised, in one transaction. */
static int publish(struct blkfront *bf, unsigned int ring_ref)
{
	uk_xenbus_tx_t tx;
	char num[24];
	int rc, tries;

	for (tries = 0; tries < 10; tries++) {
		rc = uk_xenbus_transaction_start(&tx);
		if (rc < 0)
			return rc;
		utoa(ring_ref, num);
		rc = write_key(tx, bf->front, "ring-ref", num);
		if (!rc) {
			utoa(bf->port, num);
			rc = write_key(tx, bf->front, "event-channel", num);
		}
		if (!rc)
			rc = write_key(tx, bf->front, "protocol",
				       XEN_IO_PROTO_ABI_NATIVE);
		if (!rc)
			rc = uk_xenbus_switch_state(tx, bf->front,
						    UK_XENBUS_INITIALISED);
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

/* The backend's geometry, checked; 0 or -EINVAL. */
static int geometry(struct blkfront *bf)
{
	unsigned long long v, info = 0;
	char mode[4];

	if (read_uint(bf->back, "sectors", 1ULL << 48, &v) < 0 || !v)
		return -EINVAL;
	bf->sectors = v;
	if (read_uint(bf->back, "sector-size", 4096, &v) < 0 || v < SECT ||
	    (v & (v - 1)))
		return -EINVAL;
	bf->ssize = (uint32_t)v;
	/* "sectors" counts 512-byte units whatever the sector size. */
	bf->sectors /= bf->ssize / SECT;
	if (!bf->sectors)
		return -EINVAL;
	read_uint(bf->back, "info", 0xffffffffULL, &info);
	bf->readonly = !!(info & VDISK_READONLY);
	if (read_key(bf->back, "mode", mode, sizeof(mode)) >= 0 &&
	    !strcmp(mode, "r"))
		bf->readonly = 1;
	if (read_uint(bf->back, "feature-flush-cache", 1, &v) == 0)
		bf->flush = (int)v;
	return 0;
}

static int connect(struct blkfront *bf, struct uk_alloc *a)
{
	struct blkif_sring *sring;
	unsigned long long v;
	int ref, port, rc;

	rc = read_key(bf->front, "backend", bf->back, sizeof(bf->back));
	if (rc < 0 || strncmp(bf->back, "/local/domain/", 14))
		return rc < 0 ? rc : -EINVAL;
	rc = read_uint(bf->front, "backend-id", 0x7fef, &v);
	if (rc < 0)
		return rc;
	bf->backend_id = (uint16_t)v;

	rc = uk_xenbus_wait_state(bf->back, UK_XENBUS_INIT_WAIT, CONNECT_NS);
	if (rc < 0)
		return rc;

	sring = uk_palloc(a, 1);
	if (!sring)
		return -ENOMEM;
	memset(sring, 0, PAGE);
	SHARED_RING_INIT(sring);
	FRONT_RING_INIT(&bf->ring, sring, PAGE);
	ref = uk_xen_gnttab_grant(bf->backend_id, (uintptr_t)sring / PAGE, 0);
	if (ref < 0) {
		rc = ref;
		goto err_free_ring;
	}
	port = uk_xen_evtchn_alloc_unbound(bf->backend_id, on_event, bf);
	if (port < 0) {
		rc = port;
		goto err_end_grant;
	}
	bf->port = (unsigned int)port;
	rc = publish(bf, (unsigned int)ref);
	if (rc < 0)
		goto err_close_port;
	rc = uk_xenbus_wait_state(bf->back, UK_XENBUS_CONNECTED, CONNECT_NS);
	if (rc < 0)
		goto err_close_port;
	rc = geometry(bf);
	if (rc < 0)
		goto err_close_port;
	rc = uk_xenbus_switch_state(UK_XENBUS_NO_TX, bf->front,
				    UK_XENBUS_CONNECTED);
	if (rc < 0)
		goto err_close_port;
	return 0;

err_close_port:
	uk_xen_evtchn_close(bf->port);
err_end_grant:
	uk_xen_gnttab_end(ref);
err_free_ring:
	uk_pfree(a, sring, 1);
	return rc;
}

static int blkfront_probe(void)
{
	struct uk_alloc *a = uk_alloc_get_default();
	char list[256], *id;
	struct blkfront *bf;
	unsigned long long h;
	int n, i, j, rc;

	n = uk_xenbus_directory(UK_XENBUS_NO_TX, "device/vbd", list,
				sizeof(list));
	if (n == -ENOENT || n == -ENODEV)
		return 0;	/* no disks */
	if (n < 0) {
		uk_pr_err("blkfront: cannot list device/vbd: %d\n", n);
		return 0;
	}
	for (i = 0, id = list; i < n; i++, id += strlen(id) + 1) {
		if (strlen(id) > 10) {
			uk_pr_err("blkfront: bad vbd id\n");
			continue;
		}
		bf = uk_calloc(a, 1, sizeof(*bf));
		if (!bf)
			return -ENOMEM;
		memcpy(bf->name, id, strlen(id) + 1);
		memcpy(bf->front, "device/vbd/", 11);
		memcpy(bf->front + 11, id, strlen(id) + 1);
		/* The id is the virtual device number; the ring's handle
		 * is its low 16 bits, as Linux's frontend does. */
		for (h = 0, j = 0; id[j]; j++) {
			if (id[j] < '0' || id[j] > '9')
				break;
			h = h * 10 + (id[j] - '0');
		}
		if (!j || id[j]) {
			uk_pr_err("blkfront: vbd id '%s' is not a number: left out\n",
				  id);
			uk_free(a, bf);
			continue;
		}
		bf->handle = (uint16_t)h;
		rc = connect(bf, a);
		if (rc < 0) {
			uk_pr_err("blkfront: disk %s not connected (%d): left out\n",
				  id, rc);
			uk_free(a, bf);
			continue;
		}
		bf->dev.ops = &blkfront_ops;
		bf->dev.drv_name = "blkfront";
		rc = uk_blkdev_register(&bf->dev);
		if (rc < 0) {
			uk_pr_err("blkfront: disk %s: cannot register (%d)\n",
				  id, rc);
			continue;
		}
	}
	return 0;
}

uk_initcall_class_prio(blkfront_probe, NULL, UK_INIT_CLASS_PLAT, 7);
