/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 9P2000.L encoding and decoding (see p9msg.h for the contract). No
 * kernel dependency: the fuzzer builds this file on the host.
 *
 * Out-of-bounds puts and gets do not touch memory: they set m->err and
 * return zeros, so a decoder reads all its fields and checks once at the
 * end (p9_reply_end), which keeps each decoder a straight list of gets.
 */
#include <errno.h>
#include <string.h>
#include "p9msg.h"

/* Requests ------------------------------------------------------------ */

static uint8_t *put_room(struct p9_msg *m, size_t n)
{
	uint8_t *p;

	if (m->err || n > m->cap - m->pos) {
		m->err = 1;
		return NULL;
	}
	p = m->buf + m->pos;
	m->pos += (uint32_t)n;
	return p;
}

static void put_le(struct p9_msg *m, uint64_t v, unsigned int n)
{
	uint8_t *p = put_room(m, n);
	unsigned int i;

	if (!p)
		return;
	for (i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

void p9_put_u8(struct p9_msg *m, uint8_t v)
{
	put_le(m, v, 1);
}

void p9_put_u16(struct p9_msg *m, uint16_t v)
{
	put_le(m, v, 2);
}

void p9_put_u32(struct p9_msg *m, uint32_t v)
{
	put_le(m, v, 4);
}

void p9_put_u64(struct p9_msg *m, uint64_t v)
{
	put_le(m, v, 8);
}

void p9_put_data(struct p9_msg *m, const void *p, size_t len)
{
	uint8_t *d = put_room(m, len);

	if (d && len)
		memcpy(d, p, len);
}

void p9_put_str(struct p9_msg *m, const char *s, size_t len)
{
	if (len > 0xffff) {
		m->err = 1;
		return;
	}
	p9_put_u16(m, (uint16_t)len);
	p9_put_data(m, s, len);
}

void p9_req_begin(struct p9_msg *m, void *buf, uint32_t cap, uint8_t type,
		  uint16_t tag)
{
	m->buf = buf;
	m->cap = cap;
	m->pos = 0;
	m->err = 0;
	p9_put_u32(m, 0);	/* size, written by p9_req_end */
	p9_put_u8(m, type);
	p9_put_u16(m, tag);
}

int p9_req_end_extra(struct p9_msg *m, uint32_t extra)
{
	uint32_t size = m->pos + extra;

	if (m->err || size < m->pos || size > 0x7fffffff)
		return -EMSGSIZE;
	m->buf[0] = (uint8_t)size;
	m->buf[1] = (uint8_t)(size >> 8);
	m->buf[2] = (uint8_t)(size >> 16);
	m->buf[3] = (uint8_t)(size >> 24);
	return (int)m->pos;
}

int p9_req_end(struct p9_msg *m)
{
	return p9_req_end_extra(m, 0);
}

static int cstr_put(struct p9_msg *m, const char *s)
{
	p9_put_str(m, s, strlen(s));
	return 0;
}

int p9_tversion(struct p9_msg *m, uint32_t msize, const char *version)
{
	p9_put_u32(m, msize);
	cstr_put(m, version);
	return p9_req_end(m);
}

int p9_tattach(struct p9_msg *m, uint32_t fid, const char *uname,
	       const char *aname, uint32_t n_uname)
{
	p9_put_u32(m, fid);
	p9_put_u32(m, P9_NOFID);	/* afid: no authentication */
	cstr_put(m, uname);
	cstr_put(m, aname);
	p9_put_u32(m, n_uname);
	return p9_req_end(m);
}

int p9_twalk(struct p9_msg *m, uint32_t fid, uint32_t newfid,
	     unsigned int nwname, const char *const *names,
	     const uint16_t *lens)
{
	unsigned int i;

	if (nwname > P9_MAXWELEM)
		return -EMSGSIZE;
	p9_put_u32(m, fid);
	p9_put_u32(m, newfid);
	p9_put_u16(m, (uint16_t)nwname);
	for (i = 0; i < nwname; i++)
		p9_put_str(m, names[i], lens[i]);
	return p9_req_end(m);
}

int p9_tfid(struct p9_msg *m, uint32_t fid)
{
	p9_put_u32(m, fid);
	return p9_req_end(m);
}

int p9_tlopen(struct p9_msg *m, uint32_t fid, uint32_t flags)
{
	p9_put_u32(m, fid);
	p9_put_u32(m, flags);
	return p9_req_end(m);
}

int p9_tlcreate(struct p9_msg *m, uint32_t fid, const char *name,
		size_t len, uint32_t flags, uint32_t mode, uint32_t gid)
{
	p9_put_u32(m, fid);
	p9_put_str(m, name, len);
	p9_put_u32(m, flags);
	p9_put_u32(m, mode);
	p9_put_u32(m, gid);
	return p9_req_end(m);
}

int p9_tmkdir(struct p9_msg *m, uint32_t dfid, const char *name, size_t len,
	      uint32_t mode, uint32_t gid)
{
	p9_put_u32(m, dfid);
	p9_put_str(m, name, len);
	p9_put_u32(m, mode);
	p9_put_u32(m, gid);
	return p9_req_end(m);
}

int p9_tsymlink(struct p9_msg *m, uint32_t dfid, const char *name,
		size_t len, const char *target, size_t tlen, uint32_t gid)
{
	p9_put_u32(m, dfid);
	p9_put_str(m, name, len);
	p9_put_str(m, target, tlen);
	p9_put_u32(m, gid);
	return p9_req_end(m);
}

int p9_tlink(struct p9_msg *m, uint32_t dfid, uint32_t fid,
	     const char *name, size_t len)
{
	p9_put_u32(m, dfid);
	p9_put_u32(m, fid);
	p9_put_str(m, name, len);
	return p9_req_end(m);
}

int p9_tunlinkat(struct p9_msg *m, uint32_t dfid, const char *name,
		 size_t len, uint32_t flags)
{
	p9_put_u32(m, dfid);
	p9_put_str(m, name, len);
	p9_put_u32(m, flags);
	return p9_req_end(m);
}

int p9_trenameat(struct p9_msg *m, uint32_t odfid, const char *oname,
		 size_t olen, uint32_t ndfid, const char *nname, size_t nlen)
{
	p9_put_u32(m, odfid);
	p9_put_str(m, oname, olen);
	p9_put_u32(m, ndfid);
	p9_put_str(m, nname, nlen);
	return p9_req_end(m);
}

int p9_tgetattr(struct p9_msg *m, uint32_t fid, uint64_t mask)
{
	p9_put_u32(m, fid);
	p9_put_u64(m, mask);
	return p9_req_end(m);
}

int p9_tsetattr(struct p9_msg *m, uint32_t fid, const struct p9_setattr *a)
{
	p9_put_u32(m, fid);
	p9_put_u32(m, a->valid);
	p9_put_u32(m, a->mode);
	p9_put_u32(m, a->uid);
	p9_put_u32(m, a->gid);
	p9_put_u64(m, a->size);
	p9_put_u64(m, a->atime_sec);
	p9_put_u64(m, a->atime_nsec);
	p9_put_u64(m, a->mtime_sec);
	p9_put_u64(m, a->mtime_nsec);
	return p9_req_end(m);
}

int p9_tio(struct p9_msg *m, uint32_t fid, uint64_t offset, uint32_t count)
{
	p9_put_u32(m, fid);
	p9_put_u64(m, offset);
	p9_put_u32(m, count);
	return p9_req_end(m);
}

int p9_tfsync(struct p9_msg *m, uint32_t fid, uint32_t datasync)
{
	p9_put_u32(m, fid);
	p9_put_u32(m, datasync);
	return p9_req_end(m);
}

/* Replies ------------------------------------------------------------- */

static const uint8_t *get_room(struct p9_msg *m, size_t n)
{
	const uint8_t *p;

	if (m->err || n > m->cap - m->pos) {
		m->err = 1;
		return NULL;
	}
	p = m->buf + m->pos;
	m->pos += (uint32_t)n;
	return p;
}

static uint64_t get_le(struct p9_msg *m, unsigned int n)
{
	const uint8_t *p = get_room(m, n);
	uint64_t v = 0;

	if (!p)
		return 0;
	while (n--)
		v = (v << 8) | p[n];
	return v;
}

uint8_t p9_get_u8(struct p9_msg *m)
{
	return (uint8_t)get_le(m, 1);
}

uint16_t p9_get_u16(struct p9_msg *m)
{
	return (uint16_t)get_le(m, 2);
}

uint32_t p9_get_u32(struct p9_msg *m)
{
	return (uint32_t)get_le(m, 4);
}

uint64_t p9_get_u64(struct p9_msg *m)
{
	return get_le(m, 8);
}

void p9_get_qid(struct p9_msg *m, struct p9_qid *q)
{
	q->type = p9_get_u8(m);
	q->version = p9_get_u32(m);
	q->path = p9_get_u64(m);
}

uint16_t p9_get_str(struct p9_msg *m, const char **s)
{
	uint16_t len = p9_get_u16(m);
	const uint8_t *p = get_room(m, len);

	*s = p ? (const char *)p : "";
	return p ? len : 0;
}

int p9_reply_begin(struct p9_msg *m, const void *buf, size_t len,
		   uint8_t treq, uint16_t tag)
{
	const uint8_t *b = buf;
	uint32_t size, ecode;
	uint8_t type;

	m->buf = (uint8_t *)(uintptr_t)b;
	m->cap = 0;
	m->pos = 0;
	m->err = 1;
	if (len < P9_HDR_SIZE)
		return -EIO;
	size = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	       (uint32_t)b[3] << 24;
	/* The transport's length bounds the message, never the reverse. */
	if (size < P9_HDR_SIZE || size > len)
		return -EIO;
	m->cap = size;
	m->pos = 4;
	m->err = 0;
	type = p9_get_u8(m);
	if (p9_get_u16(m) != tag)
		goto bad;
	if (type == (uint8_t)(treq + 1))
		return 0;
	if (type != P9_RLERROR)
		goto bad;
	ecode = p9_get_u32(m);
	if (p9_reply_end(m) < 0 || ecode == 0 || ecode > 4095)
		goto bad;
	return -(int)ecode;
bad:
	m->err = 1;
	return -EIO;
}

int p9_reply_end(struct p9_msg *m)
{
	return m->err || m->pos != m->cap ? -EIO : 0;
}

int p9_rversion(struct p9_msg *m, uint32_t *msize, const char **version,
		uint16_t *vlen)
{
	*msize = p9_get_u32(m);
	*vlen = p9_get_str(m, version);
	return p9_reply_end(m);
}

int p9_rqid(struct p9_msg *m, struct p9_qid *q)
{
	p9_get_qid(m, q);
	return p9_reply_end(m);
}

int p9_rwalk(struct p9_msg *m, unsigned int nwname, struct p9_qid *qids,
	     unsigned int *nwqid)
{
	unsigned int i, n = p9_get_u16(m);

	*nwqid = 0;
	if (n > nwname || n > P9_MAXWELEM)
		return -EIO;
	for (i = 0; i < n; i++)
		p9_get_qid(m, &qids[i]);
	if (p9_reply_end(m) < 0)
		return -EIO;
	/* Zero qids answer a walk of zero names only (a clone). */
	if (n == 0 && nwname != 0)
		return -EIO;
	*nwqid = n;
	return 0;
}

int p9_ropen(struct p9_msg *m, struct p9_qid *q, uint32_t *iounit)
{
	p9_get_qid(m, q);
	*iounit = p9_get_u32(m);
	return p9_reply_end(m);
}

int p9_rgetattr(struct p9_msg *m, struct p9_attr *a)
{
	a->valid = p9_get_u64(m);
	p9_get_qid(m, &a->qid);
	a->mode = p9_get_u32(m);
	a->uid = p9_get_u32(m);
	a->gid = p9_get_u32(m);
	a->nlink = p9_get_u64(m);
	a->rdev = p9_get_u64(m);
	a->size = p9_get_u64(m);
	a->blksize = p9_get_u64(m);
	a->blocks = p9_get_u64(m);
	a->atime_sec = p9_get_u64(m);
	a->atime_nsec = p9_get_u64(m);
	a->mtime_sec = p9_get_u64(m);
	a->mtime_nsec = p9_get_u64(m);
	a->ctime_sec = p9_get_u64(m);
	a->ctime_nsec = p9_get_u64(m);
	/* btime, gen, data_version: read to check the length, unused. */
	p9_get_u64(m);
	p9_get_u64(m);
	p9_get_u64(m);
	p9_get_u64(m);
	if (p9_reply_end(m) < 0)
		return -EIO;
	/* Times are used as timespecs: nanoseconds must be a fraction. */
	if (a->atime_nsec >= 1000000000 || a->mtime_nsec >= 1000000000 ||
	    a->ctime_nsec >= 1000000000)
		return -EIO;
	return 0;
}

int p9_rstatfs(struct p9_msg *m, struct p9_statfs *st)
{
	st->type = p9_get_u32(m);
	st->bsize = p9_get_u32(m);
	st->blocks = p9_get_u64(m);
	st->bfree = p9_get_u64(m);
	st->bavail = p9_get_u64(m);
	st->files = p9_get_u64(m);
	st->ffree = p9_get_u64(m);
	st->fsid = p9_get_u64(m);
	st->namelen = p9_get_u32(m);
	return p9_reply_end(m);
}

int p9_rdata(struct p9_msg *m, uint32_t asked, const uint8_t **data,
	     uint32_t *count)
{
	uint32_t n = p9_get_u32(m);
	const uint8_t *p;

	*count = 0;
	*data = NULL;
	if (n > asked)
		return -EIO;
	p = get_room(m, n);
	if (p9_reply_end(m) < 0)
		return -EIO;
	*data = p;
	*count = n;
	return 0;
}

int p9_rwrite(struct p9_msg *m, uint32_t asked, uint32_t *count)
{
	*count = p9_get_u32(m);
	if (p9_reply_end(m) < 0 || *count > asked) {
		*count = 0;
		return -EIO;
	}
	return 0;
}

int p9_rreadlink(struct p9_msg *m, const char **target, uint16_t *len)
{
	*len = p9_get_str(m, target);
	if (p9_reply_end(m) < 0 || *len == 0 ||
	    memchr(*target, '\0', *len)) {
		*len = 0;
		return -EIO;
	}
	return 0;
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

int p9_rread_split(const void *hdr, size_t hlen, size_t len, uint16_t tag,
		   uint32_t asked, uint32_t *count)
{
	const uint8_t *h = hdr;
	struct p9_msg m;
	uint32_t size, n;

	*count = 0;
	if (hlen < P9_RREAD_HDR || len < P9_HDR_SIZE)
		return -EIO;
	size = le32(h);
	if (size > len || size < P9_HDR_SIZE)
		return -EIO;
	if (h[4] == P9_RLERROR) {
		/* A whole Rlerror fits in the header part. */
		if (size > P9_RREAD_HDR)
			return -EIO;
		return p9_reply_begin(&m, hdr, size, P9_TREAD, tag);
	}
	if (h[4] != P9_TREAD + 1 || (uint16_t)(h[5] | h[6] << 8) != tag ||
	    size < P9_RREAD_HDR)
		return -EIO;
	n = le32(h + P9_HDR_SIZE);
	if (n > asked || n != size - P9_RREAD_HDR)
		return -EIO;
	*count = n;
	return 0;
}

int p9_rempty(struct p9_msg *m)
{
	return p9_reply_end(m);
}

int p9_dirent_next(const uint8_t *data, uint32_t count, uint32_t *pos,
		   struct p9_dirent *d)
{
	struct p9_msg m = {
		.buf = (uint8_t *)(uintptr_t)data,
		.cap = count,
		.pos = *pos,
	};

	if (*pos >= count)
		return 0;
	p9_get_qid(&m, &d->qid);
	d->offset = p9_get_u64(&m);
	d->type = p9_get_u8(&m);
	d->namelen = p9_get_str(&m, &d->name);
	if (m.err || d->namelen == 0 || memchr(d->name, '/', d->namelen) ||
	    memchr(d->name, '\0', d->namelen))
		return -EIO;
	*pos = m.pos;
	return 1;
}
