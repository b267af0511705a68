/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The split virtqueue against a fake device living in memory: the test
 * plays the device by reading the avail ring and writing the used ring,
 * including what a broken or hostile device would write.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/test.h>
#include <uk/virtio_impl.h>

#define QSIZE 8

struct fake {
	struct uk_virtqueue vq;
	struct vq_slot slot[QSIZE];
	uint16_t next[QSIZE];
	uint16_t dev_avail;	/* next avail entry the device reads */
	uint16_t dev_used;	/* next used entry the device writes */
	unsigned int notified;
	char bufs[QSIZE][64];
	void *ring;
};

static void fake_notify(struct uk_virtqueue *vq)
{
	struct fake *f = container_of(vq, struct fake, vq);

	f->notified++;
}

static int fake_init(struct fake *f, int event_idx)
{
	memset(f, 0, sizeof(*f));
	f->ring = uk_memalign(uk_alloc_get_default(), VRING_ALIGN,
			      _vring_bytes(QSIZE));
	if (!f->ring)
		return -1;
	memset(f->ring, 0, _vring_bytes(QSIZE));
	f->vq.slot = f->slot;
	f->vq.next = f->next;
	_vring_init(&f->vq, QSIZE, f->ring, event_idx);
	f->vq.notify = fake_notify;
	return 0;
}

static void fake_fini(struct fake *f)
{
	uk_free(uk_alloc_get_default(), f->ring);
}

/* The device takes the next avail chain head; -1 when none. */
static int dev_pop(struct fake *f)
{
	if (f->dev_avail == f->vq.avail->idx)
		return -1;
	return f->vq.avail->ring[f->dev_avail++ & (QSIZE - 1)];
}

/* The device returns (id, len) and publishes it. */
static void dev_push(struct fake *f, uint32_t id, uint32_t len)
{
	f->vq.used->ring[f->dev_used & (QSIZE - 1)].id = id;
	f->vq.used->ring[f->dev_used & (QSIZE - 1)].len = len;
	f->dev_used++;
	f->vq.used->idx = f->dev_used;
}

static int post_in(struct fake *f, unsigned int i, uint32_t len)
{
	struct uk_virtqueue_seg s = { f->bufs[i], len };

	return uk_virtqueue_add(&f->vq, f->bufs[i], &s, 0, 1);
}

UK_TESTCASE(ukvirtio, add_kick_get)
{
	struct uk_virtqueue_seg segs[2];
	struct fake f;
	void *cookie;
	uint32_t len;
	int head;

	UK_TEST_ASSERT(fake_init(&f, 0) == 0);
	segs[0] = (struct uk_virtqueue_seg){ f.bufs[0], 10 };
	segs[1] = (struct uk_virtqueue_seg){ f.bufs[1], 64 };
	/* before: 8 free; after: a 2-descriptor chain, out then in */
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_add(&f.vq, &f, segs, 1, 1), 0);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_free_count(&f.vq), QSIZE - 2);
	/* Not visible before the kick. */
	UK_TEST_EXPECT_INT_EQ(dev_pop(&f), -1);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_kick(&f.vq), 1);
	UK_TEST_EXPECT_INT_EQ(f.notified, 1);
	head = dev_pop(&f);
	UK_TEST_ASSERT(head >= 0);
	UK_TEST_EXPECT(f.vq.desc[head].flags & VRING_DESC_F_NEXT);
	UK_TEST_EXPECT(!(f.vq.desc[head].flags & VRING_DESC_F_WRITE));
	UK_TEST_EXPECT_UINT_EQ(f.vq.desc[head].len, 10);
	UK_TEST_EXPECT(f.vq.desc[f.vq.desc[head].next].flags &
		       VRING_DESC_F_WRITE);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_get(&f.vq, &cookie, &len), 0);
	dev_push(&f, head, 64);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_get(&f.vq, &cookie, &len), 1);
	UK_TEST_EXPECT_PTR_EQ(cookie, &f);
	UK_TEST_EXPECT_UINT_EQ(len, 64);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_free_count(&f.vq), QSIZE);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_errors(&f.vq), 0);
	fake_fini(&f);
}

UK_TESTCASE(ukvirtio, full_ring_and_bad_args)
{
	struct uk_virtqueue_seg s[QSIZE + 1];
	struct fake f;
	unsigned int i;

	UK_TEST_ASSERT(fake_init(&f, 0) == 0);
	for (i = 0; i <= QSIZE; i++)
		s[i] = (struct uk_virtqueue_seg){ f.bufs[0], 1 };
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_add(&f.vq, &f, s, QSIZE + 1, 0),
			      -ENOSPC);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_add(&f.vq, NULL, s, 1, 0),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_add(&f.vq, &f, s, 0, 0), -EINVAL);
	for (i = 0; i < QSIZE; i++)
		UK_TEST_EXPECT_INT_EQ(post_in(&f, i, 64), 0);
	/* before: every descriptor in flight; after: refused, unchanged */
	UK_TEST_EXPECT_INT_EQ(post_in(&f, 0, 64), -ENOSPC);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_free_count(&f.vq), 0);
	UK_TEST_EXPECT_INT_EQ(f.vq.avail_idx, QSIZE);
	fake_fini(&f);
}

/* Indices wrap at 2^16 and ring slots at the size: 3000 round trips. */
UK_TESTCASE(ukvirtio, wraparound)
{
	struct fake f;
	unsigned int round, ok = 0;
	void *cookie;
	uint32_t len;
	int head;

	UK_TEST_ASSERT(fake_init(&f, 0) == 0);
	/* Start near the 16-bit wrap on both sides. */
	f.vq.avail_idx = f.vq.kicked_idx = f.vq.last_used = 65530;
	f.vq.avail->idx = 65530;
	f.dev_avail = f.dev_used = 65530;
	f.vq.used->idx = 65530;
	for (round = 0; round < 3000; round++) {
		unsigned int k = round % 3 + 1, j;

		for (j = 0; j < k; j++)
			post_in(&f, j, 32);
		uk_virtqueue_kick(&f.vq);
		for (j = 0; j < k; j++) {
			head = dev_pop(&f);
			if (head < 0)
				break;
			dev_push(&f, head, 16);
		}
		for (j = 0; j < k; j++)
			if (uk_virtqueue_get(&f.vq, &cookie, &len) == 1 &&
			    cookie == f.bufs[j] && len == 16)
				ok++;
	}
	UK_TEST_EXPECT_INT_EQ(ok, 6000);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_free_count(&f.vq), QSIZE);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_errors(&f.vq), 0);
	fake_fini(&f);
}

UK_TESTCASE(ukvirtio, bad_used_id)
{
	struct fake f;
	void *cookie;
	uint32_t len;
	unsigned int i;
	int head;

	UK_TEST_ASSERT(fake_init(&f, 0) == 0);
	/* before: 4 one-descriptor buffers in flight, heads 0-3 */
	for (i = 0; i < 4; i++)
		post_in(&f, i, 64);
	uk_virtqueue_kick(&f.vq);
	head = dev_pop(&f);
	UK_TEST_ASSERT_INT_EQ(head, 0);
	/* An id beyond the ring, then one never posted, then the real one. */
	dev_push(&f, QSIZE + 3, 10);
	dev_push(&f, QSIZE - 1, 10);
	dev_push(&f, head, 10);
	/* after: both bad entries dropped and counted, the good one taken */
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_get(&f.vq, &cookie, &len), 1);
	UK_TEST_EXPECT_PTR_EQ(cookie, f.bufs[0]);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_errors(&f.vq), 2);
	/* The same id again: no longer in flight, dropped. */
	dev_push(&f, head, 10);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_get(&f.vq, &cookie, &len), 0);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_errors(&f.vq), 3);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_free_count(&f.vq), QSIZE - 3);
	fake_fini(&f);
}

UK_TESTCASE(ukvirtio, bad_used_len)
{
	struct fake f;
	void *cookie = NULL;
	uint32_t len = 1234;
	int head;

	UK_TEST_ASSERT(fake_init(&f, 0) == 0);
	post_in(&f, 0, 64);
	uk_virtqueue_kick(&f.vq);
	head = dev_pop(&f);
	dev_push(&f, head, 65);
	/* The buffer comes back, flagged, its descriptors free again. */
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_get(&f.vq, &cookie, &len), -EIO);
	UK_TEST_EXPECT_PTR_EQ(cookie, f.bufs[0]);
	UK_TEST_EXPECT_UINT_EQ(len, 0);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_errors(&f.vq), 1);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_free_count(&f.vq), QSIZE);
	fake_fini(&f);
}

UK_TESTCASE(ukvirtio, garbage_used_idx)
{
	struct fake f;
	void *cookie;
	uint32_t len;

	UK_TEST_ASSERT(fake_init(&f, 0) == 0);
	post_in(&f, 0, 64);
	uk_virtqueue_kick(&f.vq);
	/* 500 entries "used" with one buffer in flight. */
	f.vq.used->idx = 500;
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_get(&f.vq, &cookie, &len), 0);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_errors(&f.vq), 1);
	fake_fini(&f);
}

UK_TESTCASE(ukvirtio, notify_suppression)
{
	struct fake f;

	UK_TEST_ASSERT(fake_init(&f, 0) == 0);
	f.vq.used->flags = VRING_USED_F_NO_NOTIFY;
	post_in(&f, 0, 8);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_kick(&f.vq), 0);
	UK_TEST_EXPECT_INT_EQ(f.notified, 0);
	f.vq.used->flags = 0;
	/* Nothing new: no notification either. */
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_kick(&f.vq), 0);
	post_in(&f, 1, 8);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_kick(&f.vq), 1);
	fake_fini(&f);

	/* EVENT_IDX: notify only when avail_event is crossed. */
	UK_TEST_ASSERT(fake_init(&f, 1) == 0);
	*(uint16_t *)&f.vq.used->ring[QSIZE] = 2;	/* avail_event */
	post_in(&f, 0, 8);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_kick(&f.vq), 0);	/* 0 -> 1 */
	post_in(&f, 1, 8);
	post_in(&f, 2, 8);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_kick(&f.vq), 1);	/* 1 -> 3 */
	fake_fini(&f);
}

UK_TESTCASE(ukvirtio, interrupt_suppression)
{
	struct fake f;
	void *cookie;
	uint32_t len;
	int head;

	UK_TEST_ASSERT(fake_init(&f, 0) == 0);
	uk_virtqueue_intr_disable(&f.vq);
	UK_TEST_EXPECT(f.vq.avail->flags & VRING_AVAIL_F_NO_INTERRUPT);
	post_in(&f, 0, 8);
	uk_virtqueue_kick(&f.vq);
	head = dev_pop(&f);
	dev_push(&f, head, 8);
	/* Enabling with a buffer waiting says so. */
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_intr_enable(&f.vq), 1);
	UK_TEST_EXPECT(!(f.vq.avail->flags & VRING_AVAIL_F_NO_INTERRUPT));
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_get(&f.vq, &cookie, &len), 1);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_intr_enable(&f.vq), 0);
	fake_fini(&f);

	/* EVENT_IDX: used_event follows the driver while enabled. */
	UK_TEST_ASSERT(fake_init(&f, 1) == 0);
	post_in(&f, 0, 8);
	uk_virtqueue_kick(&f.vq);
	dev_push(&f, dev_pop(&f), 8);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_get(&f.vq, &cookie, &len), 1);
	UK_TEST_EXPECT_UINT_EQ(f.vq.avail->ring[QSIZE], 1);
	uk_virtqueue_intr_disable(&f.vq);
	UK_TEST_EXPECT_UINT_EQ(f.vq.avail->ring[QSIZE], 0);
	fake_fini(&f);
}
