/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Network buffers: one allocation holds the descriptor, a private area
 * for the user (a network stack keeps its own per-packet state there, so
 * it needs no second allocation) and the data buffer. The packet is
 * data[0..len) inside buf[0..buflen); the bytes before data are headroom
 * (a driver prepends its device header there, a stack its lower-layer
 * headers) and those after data + len tailroom.
 *
 *   | struct uk_netbuf | priv (priv_len) | buf: headroom | data ... | tail |
 *
 * A packet larger than one buffer is a chain linked through next (the
 * first buffer's flags describe the whole packet). uk_netbuf_free()
 * frees a whole chain.
 */
#ifndef UK_NETBUF_H
#define UK_NETBUF_H

#include <uk/essentials.h>

struct uk_alloc;
struct uk_netbuf;

typedef void (*uk_netbuf_dtor_t)(struct uk_netbuf *nb);

/* Transmit: the device must fill a checksum (csum_start, csum_offset). */
#define UK_NETBUF_F_CSUM_PARTIAL	0x1
/* Receive: the device has verified the packet's checksums. */
#define UK_NETBUF_F_DATA_VALID		0x2

struct uk_netbuf {
	struct uk_netbuf *next;	/* next buffer of the same packet */
	void *data;		/* first byte of the packet in buf */
	uint32_t len;		/* packet bytes in this buffer */
	uint32_t flags;		/* UK_NETBUF_F_* */
	/* With CSUM_PARTIAL: the sum of data[csum_start..] goes to
	 * data[csum_start + csum_offset] (virtio's and Linux's contract). */
	uint16_t csum_start, csum_offset;
	void *buf;		/* start of the data buffer */
	uint32_t buflen;	/* size of the data buffer */
	void *priv;		/* private area of the user, or NULL */
	/* Frees the buffer; NULL for uk_netbuf_alloc()'s default. */
	uk_netbuf_dtor_t dtor;
	struct uk_alloc *a;	/* where it came from */
};

/*
 * Allocate one buffer with @size bytes of data space from @a, of which
 * @headroom come before data (len is 0), and a private area of
 * @priv_len bytes (priv is NULL when 0, zeroed otherwise). data is
 * aligned to @align (a power of two up to a page, 0 means 8). Returns
 * NULL when memory is short or the arguments do not fit (headroom >
 * size, size or priv_len over 4 GiB, a bad alignment).
 */
struct uk_netbuf *uk_netbuf_alloc(struct uk_alloc *a, size_t size,
				  size_t headroom, size_t align,
				  size_t priv_len);

/* Free @nb and the rest of its chain (NULL is allowed). */
void uk_netbuf_free(struct uk_netbuf *nb);

/* Bytes before data, and bytes after data + len. */
static inline size_t uk_netbuf_headroom(const struct uk_netbuf *nb)
{
	return (size_t)((char *)nb->data - (char *)nb->buf);
}

static inline size_t uk_netbuf_tailroom(const struct uk_netbuf *nb)
{
	return nb->buflen - uk_netbuf_headroom(nb) - nb->len;
}

/*
 * Grow the packet at its front by @delta bytes (delta > 0, taken from
 * the headroom) or strip -delta bytes from it (delta < 0). Returns 0, or
 * -EINVAL without a change when there is not enough headroom or data.
 */
int uk_netbuf_header(struct uk_netbuf *nb, int delta);

/* Total packet length over the chain. */
size_t uk_netbuf_pktlen(const struct uk_netbuf *nb);

#endif /* UK_NETBUF_H */
