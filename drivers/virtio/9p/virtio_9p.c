/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio-9p (virtio 1.x, section 5.9 of the 1.0 draft; QEMU's
 * virtio-9p-pci / virtio-9p-device): a 9P transport (uk/9pdev.h) per
 * device, named by the mount tag of its configuration space.
 *
 * One queue (0). A request is a descriptor chain: the segments of the
 * message the device reads, then those it writes the reply into (a
 * read's data can go straight to the caller's buffer). The caller's
 * struct v9p_req, on its stack, is the cookie: it sleeps in the device's
 * wait queue until the reply marks it done.
 *
 * Completion: the queue's interrupt handler only suppresses further
 * interrupts and defers (uk_sched_defer) the drain to thread context,
 * where used buffers are taken, their requests marked done and the
 * waiters woken; then interrupts are enabled again. A waiter also drains
 * the queue itself every LIBUKVIRTIO9P_POLL_MS, so that a device without
 * a working interrupt line (the transport said "poll only") still works.
 *
 * A used length that the core refused (larger than the reply buffer) or
 * an empty one is -EIO for that request; the 9P content is the client's
 * to check. Thread-context queue accesses run with interrupts off, as
 * the handler touches the queue's interrupt suppression.
 */
#include <errno.h>
#include <string.h>
#include <uk/9pdev.h>
#include <uk/alloc.h>
#include <uk/print.h>
#include <uk/sched.h>
#include <uk/virtio.h>
#include <uk/wait.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>

/* Feature bit and configuration layout (struct virtio_9p_config). */
#define VIRTIO_9P_F_MOUNT_TAG	0
#define VIRTIO_9P_CFG_TAG_LEN	0	/* le16 */
#define VIRTIO_9P_CFG_TAG	2
#define V9P_TAG_MAX		255

/*
 * The largest message each way. Buffers are one descriptor each
 * (identity-mapped RAM is contiguous), so only the server limits it;
 * 9pfs negotiates its own msize below this.
 */
#define V9P_MAX_MSIZE		(8u << 20)

struct v9p {
	struct uk_9pdev dev;
	struct uk_virtio_dev *vdev;
	struct uk_virtqueue *vq;
	/* Requests waiting for their reply or for room in the ring. */
	struct uk_waitq wq;
	struct uk_sched_defer drain_work;
	unsigned long bad_replies;
	char tag[V9P_TAG_MAX + 1];
};

struct v9p_req {
	uint32_t len;
	int result;	/* 0 or -EIO, valid once done */
	int done;
};

#define to_v9p(d) container_of(d, struct v9p, dev)

/* Take every used buffer; thread context. Returns how many. */
static int v9p_drain(struct v9p *v)
{
	struct v9p_req *rq;
	unsigned long flags;
	void *cookie;
	uint32_t len;
	int r, n = 0;

	for (;;) {
		flags = uk_plat_irq_save();
		r = uk_virtqueue_get(v->vq, &cookie, &len);
		uk_plat_irq_restore(flags);
		if (r == 0)
			break;
		rq = cookie;
		rq->len = len;
		rq->result = 0;
		if (r < 0 || len == 0) {
			v->bad_replies++;
			rq->result = -EIO;
		}
		rq->done = 1;
		n++;
	}
	if (n)
		uk_waitq_wake_all(&v->wq);
	return n;
}

/* Deferred from the interrupt: drain, then ask for interrupts again. */
static void v9p_drain_work(void *arg)
{
	struct v9p *v = arg;
	unsigned long flags;
	int pending;

	do {
		v9p_drain(v);
		flags = uk_plat_irq_save();
		pending = uk_virtqueue_intr_enable(v->vq);
		uk_plat_irq_restore(flags);
	} while (pending);
}

/* Interrupt context: no wait queue here, only deferred work. */
static void v9p_vq_event(struct uk_virtqueue *vq, void *arg)
{
	struct v9p *v = arg;

	uk_virtqueue_intr_disable(vq);
	uk_sched_defer(&v->drain_work);
}

/*
 * Sleep until the device may have progressed: a wake-up from the drain
 * or the poll interval. Without a thread (before the scheduler runs),
 * spin on the queue instead.
 */
static void v9p_wait(struct v9p *v)
{
	__nsec deadline = uk_plat_monotonic_ns() +
			  CONFIG_LIBUKVIRTIO9P_POLL_MS * UK_NSEC_PER_MSEC;

	if (uk_waitq_wait(&v->wq, deadline) != 0)
		v9p_drain(v);
}

static int v9p_request(struct uk_9pdev *dev, const struct iovec *out,
		       unsigned int nout, const struct iovec *in,
		       unsigned int nin)
{
	struct uk_virtqueue_seg segs[UK_9PDEV_MAX_SEGS];
	struct v9p *v = to_v9p(dev);
	struct v9p_req rq = { 0 };
	unsigned long flags;
	unsigned int i;
	int rc;

	if (!nout || !nin || nout + nin > UK_9PDEV_MAX_SEGS ||
	    nout + nin > uk_virtqueue_size(v->vq))
		return -EINVAL;
	for (i = 0; i < nout + nin; i++) {
		const struct iovec *s = i < nout ? &out[i] : &in[i - nout];

		if (!s->iov_len || s->iov_len > UINT32_MAX)
			return -EINVAL;
		segs[i].addr = s->iov_base;
		segs[i].len = (uint32_t)s->iov_len;
	}
	for (;;) {
		flags = uk_plat_irq_save();
		rc = uk_virtqueue_add(v->vq, &rq, segs, nout, nin);
		if (rc == 0)
			uk_virtqueue_kick(v->vq);
		uk_plat_irq_restore(flags);
		if (rc != -ENOSPC)
			break;
		/* The ring is full: wait for replies to free descriptors. */
		v9p_wait(v);
	}
	if (rc < 0)
		return -EIO;
	while (!rq.done)
		v9p_wait(v);
	return rq.result < 0 ? rq.result : (int)rq.len;
}

static const struct uk_9pdev_ops v9p_ops = {
	.request = v9p_request,
};

/* The mount tag from the configuration space, checked; 0 or -EINVAL. */
static int v9p_read_tag(struct v9p *v)
{
	uint16_t len;

	if (!uk_virtio_has_feature(v->vdev, VIRTIO_9P_F_MOUNT_TAG)) {
		uk_pr_err("virtio-9p: the device has no mount tag\n");
		return -EINVAL;
	}
	uk_virtio_config_read(v->vdev, VIRTIO_9P_CFG_TAG_LEN, &len,
			      sizeof(len));
	if (len == 0 || len > V9P_TAG_MAX) {
		uk_pr_err("virtio-9p: bad mount tag length %u\n", len);
		return -EINVAL;
	}
	uk_virtio_config_read(v->vdev, VIRTIO_9P_CFG_TAG, v->tag, len);
	v->tag[len] = '\0';
	if (strlen(v->tag) != len) {
		uk_pr_err("virtio-9p: mount tag with a NUL byte\n");
		return -EINVAL;
	}
	return 0;
}

/*
 * Once its queue is set up, the core holds a pointer to v (the queue
 * callback's argument): on a later failure v is left allocated.
 */
static int v9p_probe(struct uk_virtio_dev *vdev)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct v9p *v;
	int ret;

	ret = uk_virtio_negotiate(vdev, 1ULL << VIRTIO_9P_F_MOUNT_TAG);
	if (ret < 0)
		return ret;
	v = uk_calloc(a, 1, sizeof(*v));
	if (!v)
		return -ENOMEM;
	v->vdev = vdev;
	ret = v9p_read_tag(v);
	if (ret < 0)
		goto err_free;
	uk_waitq_init(&v->wq);
	v->drain_work.fn = v9p_drain_work;
	v->drain_work.arg = v;
	v->vq = uk_virtio_vq_setup(vdev, 0, CONFIG_LIBUKVIRTIO9P_RING_SIZE,
				   v9p_vq_event, v, a);
	if (!v->vq) {
		ret = -ENODEV;
		goto err_free;
	}
	if (uk_virtqueue_size(v->vq) < UK_9PDEV_MAX_SEGS)
		return -EINVAL;
	ret = uk_virtio_start(vdev);
	if (ret < 0)
		return ret;
	v->dev.ops = &v9p_ops;
	v->dev.tag = v->tag;
	v->dev.max_msize = V9P_MAX_MSIZE;
	vdev->driver_priv = v;
	ret = uk_9pdev_register(&v->dev);
	if (ret < 0)
		return ret;
	uk_pr_info("virtio-9p: mount tag '%s' (%s)\n", v->tag,
		   vdev->transport);
	return 0;

err_free:
	uk_free(a, v);
	return ret;
}

UK_VIRTIO_DRIVER(virtio9p, UK_VIRTIO_ID_9P, v9p_probe);
