/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Split virtqueues (virtio 1.x, 2.7): the driver side of the descriptor
 * table and the avail and used rings. The device is not trusted: chains
 * are followed through a private copy of the next links, never through
 * the shared table, and each used entry is checked against what was
 * posted under its id before anything of it is believed.
 */
#include <errno.h>
#include <uk/virtio.h>
#include <uk/virtio_impl.h>

#define used_event(vq)	((vq)->avail->ring[(vq)->size])
#define avail_event(vq)	(*(volatile uint16_t *)&(vq)->used->ring[(vq)->size])

size_t _vring_bytes(uint16_t size)
{
	size_t avail_end = sizeof(struct vring_desc) * size +
			   sizeof(uint16_t) * (3 + size);

	return ALIGN_UP(avail_end, VRING_ALIGN) + sizeof(uint16_t) * 3 +
	       sizeof(struct vring_used_elem) * size;
}

void _vring_init(struct uk_virtqueue *vq, uint16_t size, void *mem,
		 int event_idx)
{
	char *p = mem;
	uint16_t i;

	vq->size = size;
	vq->desc = (struct vring_desc *)p;
	vq->avail = (struct vring_avail *)(p + sizeof(struct vring_desc) *
					   size);
	vq->used = (struct vring_used *)(p + ALIGN_UP(
		sizeof(struct vring_desc) * size +
		sizeof(uint16_t) * (3 + size), VRING_ALIGN));
	for (i = 0; i < size; i++) {
		vq->next[i] = i + 1;
		vq->slot[i].cookie = NULL;
	}
	vq->free_head = 0;
	vq->nr_free = size;
	vq->avail_idx = vq->kicked_idx = vq->last_used = 0;
	vq->event_idx = event_idx;
	vq->intr_on = 1;
	vq->errors = 0;
}

uint16_t uk_virtqueue_size(const struct uk_virtqueue *vq)
{
	return vq->size;
}

uint16_t uk_virtqueue_free_count(const struct uk_virtqueue *vq)
{
	return vq->nr_free;
}

unsigned long uk_virtqueue_errors(const struct uk_virtqueue *vq)
{
	return vq->errors;
}

int uk_virtqueue_add(struct uk_virtqueue *vq, void *cookie,
		     const struct uk_virtqueue_seg *segs, unsigned int nout,
		     unsigned int nin)
{
	unsigned int i, n = nout + nin;
	uint16_t head, d, prev = 0;
	uint32_t in_len = 0;

	if (!cookie || n == 0 || !segs)
		return -EINVAL;
	if (n > vq->nr_free)
		return -ENOSPC;
	head = d = vq->free_head;
	for (i = 0; i < n; i++) {
		vq->desc[d].addr = (uintptr_t)segs[i].addr;
		vq->desc[d].len = segs[i].len;
		vq->desc[d].flags = i >= nout ? VRING_DESC_F_WRITE : 0;
		if (i >= nout)
			in_len += segs[i].len;
		if (i > 0) {
			vq->desc[prev].flags |= VRING_DESC_F_NEXT;
			vq->desc[prev].next = d;
		}
		prev = d;
		d = vq->next[d];
	}
	vq->free_head = d;
	vq->nr_free -= n;
	vq->slot[head].cookie = cookie;
	vq->slot[head].ndesc = n;
	vq->slot[head].in_len = in_len;
	vq->avail->ring[vq->avail_idx & (vq->size - 1)] = head;
	vq->avail_idx++;
	return 0;
}

int uk_virtqueue_kick(struct uk_virtqueue *vq)
{
	uint16_t old = vq->kicked_idx, new = vq->avail_idx;
	int notify;

	/* Ring entries before the index that publishes them. */
	virtio_wmb();
	*(volatile uint16_t *)&vq->avail->idx = new;
	vq->kicked_idx = new;
	/* The index store before reading what the device asked for. */
	virtio_mb();
	if (vq->event_idx)
		notify = (uint16_t)(new - avail_event(vq) - 1) <
			 (uint16_t)(new - old);
	else
		notify = !(*(volatile uint16_t *)&vq->used->flags &
			   VRING_USED_F_NO_NOTIFY);
	if (notify && new != old)
		vq->notify(vq);
	return notify && new != old;
}

static uint16_t used_idx(const struct uk_virtqueue *vq)
{
	return *(volatile uint16_t *)&vq->used->idx;
}

int uk_virtqueue_has_used(struct uk_virtqueue *vq)
{
	return used_idx(vq) != vq->last_used;
}

/* Put the @n descriptors of the chain at @head back on the free list. */
static void free_chain(struct uk_virtqueue *vq, uint16_t head, uint16_t n)
{
	uint16_t d = head, i;

	for (i = 1; i < n; i++)
		d = vq->next[d];
	vq->next[d] = vq->free_head;
	vq->free_head = head;
	vq->nr_free += n;
	vq->slot[head].cookie = NULL;
}

int uk_virtqueue_get(struct uk_virtqueue *vq, void **cookie, uint32_t *len)
{
	struct vring_used_elem e;
	struct vq_slot *s;

	for (;;) {
		uint16_t in_flight = vq->size - vq->nr_free;
		uint16_t idx = used_idx(vq);	/* one read of the device's */

		if (idx == vq->last_used)
			return 0;
		/*
		 * More used entries than buffers in flight: the index is
		 * garbage. Count it once and stop reading the ring.
		 */
		if ((uint16_t)(idx - vq->last_used) > in_flight) {
			vq->errors++;
			vq->last_used = idx;
			return 0;
		}
		/* The index before the entry it publishes. */
		virtio_rmb();
		e = vq->used->ring[vq->last_used & (vq->size - 1)];
		vq->last_used++;
		if (e.id >= vq->size || !vq->slot[e.id].cookie) {
			vq->errors++;
			continue;
		}
		s = &vq->slot[e.id];
		*cookie = s->cookie;
		free_chain(vq, e.id, s->ndesc);
		if (e.len > s->in_len) {
			vq->errors++;
			*len = 0;
			return -EIO;
		}
		*len = e.len;
		if (vq->event_idx && vq->intr_on)
			used_event(vq) = vq->last_used;
		return 1;
	}
}

void uk_virtqueue_intr_disable(struct uk_virtqueue *vq)
{
	/*
	 * With EVENT_IDX the flag is ignored; used_event is left where it
	 * is, behind last_used, so the device passes it only after 64 Ki
	 * more buffers: enable moves it back in time.
	 */
	vq->intr_on = 0;
	vq->avail->flags |= VRING_AVAIL_F_NO_INTERRUPT;
	if (vq->event_idx)
		used_event(vq) = vq->last_used - 1;
}

int uk_virtqueue_intr_enable(struct uk_virtqueue *vq)
{
	vq->intr_on = 1;
	vq->avail->flags &= ~VRING_AVAIL_F_NO_INTERRUPT;
	if (vq->event_idx)
		used_event(vq) = vq->last_used;
	/* The flag or event stores before reading the used index. */
	virtio_mb();
	return uk_virtqueue_has_used(vq);
}
