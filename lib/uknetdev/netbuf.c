/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Network buffers: one allocation per buffer, laid out as
 *   struct uk_netbuf | priv | padding | headroom | data ... |
 * with the padding chosen so that data (buf + headroom) falls on the
 * requested alignment; the allocation itself is aligned to it too.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/netbuf.h>

/* The private area starts on this boundary, whatever priv_len is. */
#define NETBUF_PRIV_ALIGN	16

struct uk_netbuf *uk_netbuf_alloc(struct uk_alloc *a, size_t size,
				  size_t headroom, size_t align,
				  size_t priv_len)
{
	size_t priv_off, data_off, total;
	struct uk_netbuf *nb;

	if (align == 0)
		align = 8;
	if ((align & (align - 1)) || align > UK_ALLOC_PAGE_SIZE ||
	    headroom > size || size > UINT32_MAX ||
	    priv_len > UINT32_MAX)
		return NULL;

	priv_off = ALIGN_UP(sizeof(*nb), NETBUF_PRIV_ALIGN);
	data_off = ALIGN_UP(priv_off + priv_len + headroom, align);
	total = data_off + (size - headroom);

	if (align <= UK_ALLOC_MIN_ALIGN)
		nb = uk_malloc(a, total);
	else
		nb = uk_memalign(a, align, total);
	if (!nb)
		return NULL;

	nb->next = NULL;
	nb->buf = (char *)nb + data_off - headroom;
	nb->buflen = (uint32_t)size;
	nb->data = (char *)nb + data_off;
	nb->len = 0;
	nb->flags = 0;
	nb->csum_start = 0;
	nb->csum_offset = 0;
	nb->priv = priv_len ? (char *)nb + priv_off : NULL;
	if (priv_len)
		memset(nb->priv, 0, priv_len);
	nb->dtor = NULL;
	nb->a = a;
	return nb;
}

void uk_netbuf_free(struct uk_netbuf *nb)
{
	struct uk_netbuf *next;

	for (; nb; nb = next) {
		next = nb->next;
		nb->next = NULL;
		if (nb->dtor)
			nb->dtor(nb);
		else
			uk_free(nb->a, nb);
	}
}

int uk_netbuf_header(struct uk_netbuf *nb, int delta)
{
	size_t d;

	if (delta >= 0) {
		d = (size_t)delta;
		if (d > uk_netbuf_headroom(nb))
			return -EINVAL;
		nb->data = (char *)nb->data - d;
		nb->len += (uint32_t)d;
	} else {
		d = (size_t)(-(long)delta);
		if (d > nb->len)
			return -EINVAL;
		nb->data = (char *)nb->data + d;
		nb->len -= (uint32_t)d;
	}
	return 0;
}

size_t uk_netbuf_pktlen(const struct uk_netbuf *nb)
{
	size_t len = 0;

	for (; nb; nb = nb->next)
		len += nb->len;
	return len;
}
