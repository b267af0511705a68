/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The 9P2000.L client: one function per remote call, each building its
 * request (p9msg.c), sending it through the session's transport and
 * decoding the reply, which p9msg.c checks field by field.
 *
 * A call owns one buffer, request then reply, sized for the message:
 * small for metadata, msize for the data side of reads and writes that
 * cannot go straight between the device and the caller's buffer (only
 * when the caller's part is split over iovec segments). Tags
 * come from a per-session counter (skipping NOTAG): each thread waits
 * for its own reply, which the transport matches by buffer, and the tag
 * check catches a server that answers the wrong request.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/print.h>
#include "p9fs.h"

/* Room for metadata messages: a name, a target of PATH_MAX, headers. */
#define P9_SMALL	(4096 + 512)
/* Tread/Twrite/Treaddir headers and Rwrite. */
#define P9_IOHDR_ROOM	64

struct p9_call {
	struct p9_session *s;
	struct p9_msg req, rep;
	uint8_t *tx, *rx;
	uint32_t rxcap;
	uint32_t size;		/* of the buffer at tx */
	uint8_t type;
	uint16_t tag;
};

uint32_t p9_fid_get(struct p9_session *s)
{
	if (s->nr_free)
		return s->free_fids[--s->nr_free];
	/* The root is fid 0; P9_NOFID is never handed out. */
	if (s->next_fid == P9_NOFID)
		return P9_NOFID;
	return s->next_fid++;
}

void p9_fid_put(struct p9_session *s, uint32_t fid)
{
	uint32_t *n;

	if (fid == P9_NOFID)
		return;
	if (s->nr_free == s->free_cap) {
		n = uk_realloc(uk_alloc_get_default(), s->free_fids,
			       (s->free_cap * 2 + 16) * sizeof(*n));
		/* Without memory the fid number is lost, nothing else. */
		if (!n)
			return;
		s->free_fids = n;
		s->free_cap = s->free_cap * 2 + 16;
	}
	s->free_fids[s->nr_free++] = fid;
}

/* Start a call of @type with @txcap bytes of request, @rxcap of reply. */
static int call_begin(struct p9_session *s, struct p9_call *c, uint8_t type,
		      uint32_t txcap, uint32_t rxcap)
{
	if (s->unmounted)
		return -EIO;
	c->s = s;
	c->size = txcap + rxcap;
	/* A data call takes the session's spare buffer when it is free. */
	if (s->spare && c->size <= s->spare_size) {
		c->tx = s->spare;
		c->size = s->spare_size;
		s->spare = NULL;
	} else {
		c->tx = uk_malloc(uk_alloc_get_default(), c->size);
	}
	if (!c->tx)
		return -ENOMEM;
	c->rx = c->tx + txcap;
	c->rxcap = rxcap;
	c->type = type;
	c->tag = type == P9_TVERSION ? P9_NOTAG : s->next_tag++;
	if (s->next_tag == P9_NOTAG)
		s->next_tag = 0;
	p9_req_begin(&c->req, c->tx, txcap, type, c->tag);
	return 0;
}

/*
 * Data calls keep their buffer as the session's spare: a stream of reads
 * or writes then allocates nothing (large allocations are costly).
 */
static void call_end(struct p9_call *c)
{
	struct p9_session *s = c->s;

	if (c->size > 2 * P9_SMALL && !s->spare && !s->unmounted) {
		s->spare = c->tx;
		s->spare_size = c->size;
		return;
	}
	uk_free(uk_alloc_get_default(), c->tx);
}

/*
 * Send the request built in @c (its builder's result @len), followed by
 * @xout (a write's data, when not NULL), and receive the reply into
 * c->rx then @xin (a read's data, when not NULL). Returns the bytes the
 * transport wrote, or the errno (the call ended).
 */
static int call_xfer(struct p9_call *c, int len, const struct iovec *xout,
		     const struct iovec *xin)
{
	struct p9_session *s = c->s;
	struct iovec out[2] = { { c->tx, (size_t)len } };
	struct iovec in[2] = { { c->rx, c->rxcap } };
	int rc;

	if (len < 0) {
		rc = len == -EMSGSIZE ? -ENAMETOOLONG : len;
		goto out_end;
	}
	if (xout)
		out[1] = *xout;
	if (xin)
		in[1] = *xin;
	rc = s->dev->ops->request(s->dev, out, xout ? 2 : 1, in, xin ? 2 : 1);
	if (rc < 0) {
		s->bad_replies++;
		goto out_end;
	}
	return rc;

out_end:
	call_end(c);
	return rc;
}

/*
 * Send the request built in @c (its builder's result @len) and check the
 * reply's header. 0: decode c->rep; else the errno, the call ended.
 */
static int call_run(struct p9_call *c, int len)
{
	int rc = call_xfer(c, len, NULL, NULL);

	if (rc < 0)
		return rc;
	rc = p9_reply_begin(&c->rep, c->rx, (size_t)rc, c->type, c->tag);
	if (rc == -EIO)
		c->s->bad_replies++;
	if (rc < 0)
		call_end(c);
	return rc;
}

/* Finish a decoder's result @rc: count failures, free the call. */
static int call_done(struct p9_call *c, int rc)
{
	if (rc == -EIO)
		c->s->bad_replies++;
	call_end(c);
	return rc;
}

/* A call whose reply carries nothing: build with @len, run, check. */
static int call_simple(struct p9_call *c, int len)
{
	int rc = call_run(c, len);

	if (rc < 0)
		return rc;
	return call_done(c, p9_rempty(&c->rep));
}

int p9_version(struct p9_session *s, uint32_t msize)
{
	struct p9_call c;
	const char *v;
	uint16_t vlen;
	uint32_t got;
	int rc;

	rc = call_begin(s, &c, P9_TVERSION, P9_SMALL, P9_SMALL);
	if (rc < 0)
		return rc;
	rc = call_run(&c, p9_tversion(&c.req, msize, "9P2000.L"));
	if (rc < 0)
		return rc;
	rc = p9_rversion(&c.rep, &got, &v, &vlen);
	if (rc == 0 && (vlen != 8 || memcmp(v, "9P2000.L", 8))) {
		uk_pr_err("9pfs: the server speaks %.*s, not 9P2000.L\n",
			  (int)vlen, v);
		rc = -EPROTONOSUPPORT;
	} else if (rc == 0 && (got > msize || got < P9_MIN_MSIZE)) {
		uk_pr_err("9pfs: the server's msize %u is out of range\n",
			  got);
		rc = -EIO;
	}
	if (rc == 0) {
		s->msize = got;
		s->iosize = got - P9_IOHDR_SIZE;
	}
	return call_done(&c, rc);
}

int p9_attach(struct p9_session *s, uint32_t fid, const char *aname,
	      struct p9_qid *qid)
{
	struct p9_call c;
	int rc;

	rc = call_begin(s, &c, P9_TATTACH, P9_SMALL, P9_SMALL);
	if (rc < 0)
		return rc;
	/* uid 0: with security_model=none the host's permissions rule. */
	rc = call_run(&c, p9_tattach(&c.req, fid, "root", aname, 0));
	if (rc < 0)
		return rc;
	return call_done(&c, p9_rqid(&c.rep, qid));
}

int p9_walk(struct p9_session *s, uint32_t fid, uint32_t newfid,
	    const char *name, size_t len, struct p9_qid *qid)
{
	struct p9_qid qids[1];
	unsigned int n;
	uint16_t l16 = (uint16_t)len;
	struct p9_call c;
	int rc;

	if (len > 0xffff)
		return -ENAMETOOLONG;
	rc = call_begin(s, &c, P9_TWALK, P9_SMALL, P9_SMALL);
	if (rc < 0)
		return rc;
	rc = call_run(&c, p9_twalk(&c.req, fid, newfid, len ? 1 : 0, &name,
				   &l16));
	if (rc < 0)
		return rc;
	rc = p9_rwalk(&c.rep, len ? 1 : 0, qids, &n);
	if (rc == 0 && n == 1)
		*qid = qids[0];
	return call_done(&c, rc);
}

int p9_clunk(struct p9_session *s, uint32_t fid)
{
	struct p9_call c;
	int rc;

	rc = call_begin(s, &c, P9_TCLUNK, P9_SMALL, P9_SMALL);
	if (rc < 0)
		return rc;
	return call_simple(&c, p9_tfid(&c.req, fid));
}

/* The data bytes per request on a file opened with @iounit. */
static uint32_t io_unit(struct p9_session *s, uint32_t iounit)
{
	return iounit && iounit < s->iosize ? iounit : s->iosize;
}

int p9_lopen(struct p9_session *s, uint32_t fid, uint32_t flags,
	     uint32_t *iounit)
{
	struct p9_call c;
	struct p9_qid q;
	int rc;

	rc = call_begin(s, &c, P9_TLOPEN, P9_SMALL, P9_SMALL);
	if (rc < 0)
		return rc;
	rc = call_run(&c, p9_tlopen(&c.req, fid, flags));
	if (rc < 0)
		return rc;
	rc = p9_ropen(&c.rep, &q, iounit);
	*iounit = io_unit(s, *iounit);
	return call_done(&c, rc);
}

int p9_lcreate(struct p9_session *s, uint32_t fid, const char *name,
	       size_t len, uint32_t flags, uint32_t mode,
	       struct p9_qid *qid, uint32_t *iounit)
{
	struct p9_call c;
	int rc;

	rc = call_begin(s, &c, P9_TLCREATE, P9_SMALL, P9_SMALL);
	if (rc < 0)
		return rc;
	rc = call_run(&c, p9_tlcreate(&c.req, fid, name, len, flags, mode, 0));
	if (rc < 0)
		return rc;
	rc = p9_ropen(&c.rep, qid, iounit);
	*iounit = io_unit(s, *iounit);
	return call_done(&c, rc);
}

int p9_mkdir(struct p9_session *s, uint32_t dfid, const char *name,
	     size_t len, uint32_t mode)
{
	struct p9_call c;
	struct p9_qid q;
	int rc;

	rc = call_begin(s, &c, P9_TMKDIR, P9_SMALL, P9_SMALL);
	if (rc < 0)
		return rc;
	rc = call_run(&c, p9_tmkdir(&c.req, dfid, name, len, mode, 0));
	if (rc < 0)
		return rc;
	return call_done(&c, p9_rqid(&c.rep, &q));
}

int p9_symlink(struct p9_session *s, uint32_t dfid, const char *name,
	       size_t len, const char *target)
{
	struct p9_call c;
	struct p9_qid q;
	int rc;

	rc = call_begin(s, &c, P9_TSYMLINK, P9_SMALL, P9_SMALL);
	if (rc < 0)
		return rc;
	rc = call_run(&c, p9_tsymlink(&c.req, dfid, name, len, target,
				      strlen(target), 0));
	if (rc < 0)
		return rc;
	return call_done(&c, p9_rqid(&c.rep, &q));
}

int p9_link(struct p9_session *s, uint32_t dfid, uint32_t fid,
	    const char *name, size_t len)
{
	struct p9_call c;
	int rc;

	rc = call_begin(s, &c, P9_TLINK, P9_SMALL, P9_SMALL);
	if (rc < 0)
		return rc;
	return call_simple(&c, p9_tlink(&c.req, dfid, fid, name, len));
}

int p9_unlinkat(struct p9_session *s, uint32_t dfid, const char *name,
		size_t len, uint32_t flags)
{
	struct p9_call c;
	int rc;

	rc = call_begin(s, &c, P9_TUNLINKAT, P9_SMALL, P9_SMALL);
	if (rc < 0)
		return rc;
	return call_simple(&c, p9_tunlinkat(&c.req, dfid, name, len, flags));
}

int p9_renameat(struct p9_session *s, uint32_t odfid, const char *oname,
		size_t olen, uint32_t ndfid, const char *nname, size_t nlen)
{
	struct p9_call c;
	int rc;

	rc = call_begin(s, &c, P9_TRENAMEAT, P9_SMALL, P9_SMALL);
	if (rc < 0)
		return rc;
	return call_simple(&c, p9_trenameat(&c.req, odfid, oname, olen, ndfid,
					    nname, nlen));
}

int p9_getattr(struct p9_session *s, uint32_t fid, struct p9_attr *a)
{
	struct p9_call c;
	int rc;

	rc = call_begin(s, &c, P9_TGETATTR, P9_SMALL, P9_SMALL);
	if (rc < 0)
		return rc;
	rc = call_run(&c, p9_tgetattr(&c.req, fid, P9_GETATTR_BASIC));
	if (rc < 0)
		return rc;
	return call_done(&c, p9_rgetattr(&c.rep, a));
}

int p9_setattr(struct p9_session *s, uint32_t fid,
	       const struct p9_setattr *a)
{
	struct p9_call c;
	int rc;

	rc = call_begin(s, &c, P9_TSETATTR, P9_SMALL, P9_SMALL);
	if (rc < 0)
		return rc;
	return call_simple(&c, p9_tsetattr(&c.req, fid, a));
}

ssize_t p9_readlink(struct p9_session *s, uint32_t fid, char *buf,
		    size_t len)
{
	struct p9_call c;
	const char *t;
	uint16_t tlen;
	int rc;

	rc = call_begin(s, &c, P9_TREADLINK, P9_SMALL, P9_SMALL);
	if (rc < 0)
		return rc;
	rc = call_run(&c, p9_tfid(&c.req, fid));
	if (rc < 0)
		return rc;
	rc = p9_rreadlink(&c.rep, &t, &tlen);
	if (rc == 0) {
		rc = MIN((size_t)tlen, len);
		memcpy(buf, t, rc);
	}
	return call_done(&c, rc);
}

int p9_fsync(struct p9_session *s, uint32_t fid, int datasync)
{
	struct p9_call c;
	int rc;

	rc = call_begin(s, &c, P9_TFSYNC, P9_SMALL, P9_SMALL);
	if (rc < 0)
		return rc;
	return call_simple(&c, p9_tfsync(&c.req, fid, datasync ? 1 : 0));
}

int p9_statfs(struct p9_session *s, uint32_t fid, struct p9_statfs *st)
{
	struct p9_call c;
	int rc;

	rc = call_begin(s, &c, P9_TSTATFS, P9_SMALL, P9_SMALL);
	if (rc < 0)
		return rc;
	rc = call_run(&c, p9_tfid(&c.req, fid));
	if (rc < 0)
		return rc;
	return call_done(&c, p9_rstatfs(&c.rep, st));
}

/* Copy @n bytes of @src into @iov from byte @skip of the vector. */
static void iov_scatter(const struct iovec *iov, int iovcnt, size_t skip,
			const uint8_t *src, size_t n)
{
	size_t l;
	int i;

	for (i = 0; i < iovcnt && n; i++) {
		if (skip >= iov[i].iov_len) {
			skip -= iov[i].iov_len;
			continue;
		}
		l = MIN(iov[i].iov_len - skip, n);
		memcpy((uint8_t *)iov[i].iov_base + skip, src, l);
		src += l;
		n -= l;
		skip = 0;
	}
}

static void iov_gather(const struct iovec *iov, int iovcnt, size_t skip,
		       uint8_t *dst, size_t n)
{
	size_t l;
	int i;

	for (i = 0; i < iovcnt && n; i++) {
		if (skip >= iov[i].iov_len) {
			skip -= iov[i].iov_len;
			continue;
		}
		l = MIN(iov[i].iov_len - skip, n);
		memcpy(dst, (const uint8_t *)iov[i].iov_base + skip, l);
		dst += l;
		n -= l;
		skip = 0;
	}
}

static size_t iov_total(const struct iovec *iov, int iovcnt)
{
	size_t t = 0;
	int i;

	for (i = 0; i < iovcnt; i++)
		t += iov[i].iov_len;
	return t;
}

/*
 * The part of @iov from byte @skip on, if its first @n bytes lie in one
 * segment: then the device can move them straight to or from it.
 */
static int iov_span(const struct iovec *iov, int iovcnt, size_t skip,
		    size_t n, struct iovec *span)
{
	int i;

	for (i = 0; i < iovcnt; i++) {
		if (skip < iov[i].iov_len) {
			if (iov[i].iov_len - skip < n)
				return 0;
			span->iov_base = (uint8_t *)iov[i].iov_base + skip;
			span->iov_len = n;
			return 1;
		}
		skip -= iov[i].iov_len;
	}
	return 0;
}

/*
 * One Tread of @want bytes at @off into @iov from byte @done: straight
 * into the caller's buffer when that part is contiguous, else through
 * the call's buffer. Returns the bytes read (0: end of file) or -errno.
 */
static int read_once(struct p9_session *s, uint32_t fid, uint32_t want,
		     const struct iovec *iov, int iovcnt, size_t done,
		     off_t off)
{
	const uint8_t *data;
	struct iovec span;
	struct p9_call c;
	uint32_t got;
	int rc, direct;

	direct = iov_span(iov, iovcnt, done, want, &span);
	rc = call_begin(s, &c, P9_TREAD, P9_IOHDR_ROOM,
			direct ? P9_RREAD_HDR : want + P9_IOHDR_SIZE);
	if (rc < 0)
		return rc;
	if (direct) {
		rc = call_xfer(&c, p9_tio(&c.req, fid, (uint64_t)off, want),
			       NULL, &span);
		if (rc < 0)
			return rc;
		rc = p9_rread_split(c.rx, P9_RREAD_HDR, (size_t)rc, c.tag,
				    want, &got);
		return call_done(&c, rc < 0 ? rc : (int)got);
	}
	rc = call_run(&c, p9_tio(&c.req, fid, (uint64_t)off, want));
	if (rc < 0)
		return rc;
	rc = p9_rdata(&c.rep, want, &data, &got);
	if (rc == 0) {
		iov_scatter(iov, iovcnt, done, data, got);
		rc = (int)got;
	}
	return call_done(&c, rc);
}

ssize_t p9_read(struct p9_session *s, uint32_t fid, uint32_t unit,
		const struct iovec *iov, int iovcnt, off_t off)
{
	size_t total = iov_total(iov, iovcnt), done = 0;
	uint32_t want;
	int rc;

	while (done < total) {
		want = (uint32_t)MIN((size_t)unit, total - done);
		rc = read_once(s, fid, want, iov, iovcnt, done,
			       off + (off_t)done);
		if (rc < 0)
			return done ? (ssize_t)done : rc;
		done += (size_t)rc;
		/* Short: the end of the file (or what the server has now). */
		if ((uint32_t)rc < want)
			break;
	}
	return (ssize_t)done;
}

/* One Twrite, from the caller's buffer when contiguous (see read_once). */
static int write_once(struct p9_session *s, uint32_t fid, uint32_t want,
		      const struct iovec *iov, int iovcnt, size_t done,
		      off_t off)
{
	struct iovec span;
	struct p9_call c;
	uint32_t got;
	int rc, direct;

	direct = iov_span(iov, iovcnt, done, want, &span);
	rc = call_begin(s, &c, P9_TWRITE,
			direct ? P9_IOHDR_ROOM : want + P9_IOHDR_SIZE,
			P9_IOHDR_ROOM);
	if (rc < 0)
		return rc;
	p9_tio(&c.req, fid, (uint64_t)off, want);
	if (direct) {
		rc = call_xfer(&c, p9_req_end_extra(&c.req, want), &span,
			       NULL);
		if (rc < 0)
			return rc;
		rc = p9_reply_begin(&c.rep, c.rx, (size_t)rc, P9_TWRITE, c.tag);
		if (rc < 0)
			return call_done(&c, rc);
	} else {
		/* Room was sized for the data: reserve it, then fill it. */
		if (c.req.cap - c.req.pos >= want) {
			iov_gather(iov, iovcnt, done, c.tx + c.req.pos, want);
			c.req.pos += want;
		} else {
			c.req.err = 1;
		}
		rc = call_run(&c, p9_req_end(&c.req));
		if (rc < 0)
			return rc;
	}
	rc = p9_rwrite(&c.rep, want, &got);
	if (rc == 0)
		rc = (int)got;
	return call_done(&c, rc);
}

ssize_t p9_write(struct p9_session *s, uint32_t fid, uint32_t unit,
		 const struct iovec *iov, int iovcnt, off_t off)
{
	size_t total = iov_total(iov, iovcnt), done = 0;
	uint32_t want;
	int rc;

	while (done < total) {
		want = (uint32_t)MIN((size_t)unit, total - done);
		rc = write_once(s, fid, want, iov, iovcnt, done,
				off + (off_t)done);
		if (rc < 0)
			return done ? (ssize_t)done : rc;
		done += (size_t)rc;
		/* A short write: the host's disk is full, or similar. */
		if ((uint32_t)rc < want)
			break;
	}
	return (ssize_t)done;
}

/*
 * One Treaddir from *@cookie: entries handed to @fill until it says
 * stop. Returns 1 when @fill stopped, 0 at the end of the directory
 * (an empty reply), or -errno.
 */
static int readdir_once(struct p9_session *s, uint32_t fid,
			uint64_t *cookie, uk_vfs_filldir_t fill, void *ctx)
{
	uint32_t want = s->iosize, count, pos = 0;
	const uint8_t *data;
	struct p9_dirent d;
	struct p9_call c;
	int rc;

	rc = call_begin(s, &c, P9_TREADDIR, P9_IOHDR_ROOM,
			want + P9_IOHDR_SIZE);
	if (rc < 0)
		return rc;
	rc = call_run(&c, p9_tio(&c.req, fid, *cookie, want));
	if (rc < 0)
		return rc;
	rc = p9_rdata(&c.rep, want, &data, &count);
	if (rc < 0 || count == 0)
		return call_done(&c, rc);
	while ((rc = p9_dirent_next(data, count, &pos, &d)) == 1) {
		/*
		 * An entry that does not move the position forward would
		 * make the caller loop for ever on the same entries.
		 */
		if (d.offset == *cookie) {
			rc = -EIO;
			break;
		}
		if (fill(ctx, d.name, d.namelen, d.qid.path, d.type,
			 d.offset)) {
			rc = 1;
			break;
		}
		*cookie = d.offset;
	}
	/* rc 0: the batch is used up, ask for more. */
	if (rc == 0)
		rc = 2;
	return call_done(&c, rc);
}

int p9_readdir(struct p9_session *s, uint32_t fid, uint64_t *cookie,
	       uk_vfs_filldir_t fill, void *ctx)
{
	int rc;

	do
		rc = readdir_once(s, fid, cookie, fill, ctx);
	while (rc == 2);
	return rc;
}
