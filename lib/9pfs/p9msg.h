/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 9P2000.L messages: building requests and decoding replies.
 *
 * This file and p9msg.c depend on nothing but the C library's integer
 * and string headers (no kernel header), so that the decoder can be
 * built on the host and fuzzed (tests/fuzz/9p).
 *
 * Every message is size[4] type[1] tag[2] then its fields, little-endian;
 * a string is len[2] then the bytes (no NUL); a qid is type[1]
 * version[4] path[8].
 *
 * Requests: p9_req_begin() over a caller's buffer, then the p9_put_*
 * helpers (or one p9_t*() builder), then p9_req_end() writes the size.
 * Running out of room is remembered and reported by p9_req_end() as
 * -EMSGSIZE; nothing is written past the buffer.
 *
 * Replies come from an untrusted server. p9_reply_begin() checks the
 * header against the request (size within what the transport returned,
 * the tag, the type or Rlerror); each p9_r*() decoder then checks every
 * field: strings and counts stay within the message and within what was
 * asked for, and the message has no bytes left over. Any failure is
 * -EIO; an Rlerror is its (range-checked) negative errno.
 */
#ifndef P9MSG_H
#define P9MSG_H

#include <stddef.h>
#include <stdint.h>

/* Message types (9P2000.L, as Linux's net/9p and QEMU number them). */
#define P9_RLERROR	7
#define P9_TSTATFS	8
#define P9_TLOPEN	12
#define P9_TLCREATE	14
#define P9_TSYMLINK	16
#define P9_TRENAME	20
#define P9_TREADLINK	22
#define P9_TGETATTR	24
#define P9_TSETATTR	26
#define P9_TREADDIR	40
#define P9_TFSYNC	50
#define P9_TLINK	70
#define P9_TMKDIR	72
#define P9_TRENAMEAT	74
#define P9_TUNLINKAT	76
#define P9_TVERSION	100
#define P9_TATTACH	104
#define P9_TFLUSH	108
#define P9_TWALK	110
#define P9_TREAD	116
#define P9_TWRITE	118
#define P9_TCLUNK	120
/* The reply to T is T + 1. */

#define P9_NOTAG	0xffff
#define P9_NOFID	0xffffffffu
#define P9_NONUNAME	0xffffffffu

/* The fixed part of a message: size, type, tag. */
#define P9_HDR_SIZE	7
/* Twalk names at most this many components per message (the protocol). */
#define P9_MAXWELEM	16
/* Header bytes of Tread/Rread/Twrite beyond the data. */
#define P9_IOHDR_SIZE	(P9_HDR_SIZE + 4 + 8 + 4)
/* The smallest msize we accept from the server. */
#define P9_MIN_MSIZE	4096

/* qid.type bits */
#define P9_QTDIR	0x80
#define P9_QTSYMLINK	0x02

/* Tgetattr request_mask / Rgetattr valid */
#define P9_GETATTR_BASIC	0x000007ffULL

/* Tsetattr valid */
#define P9_SETATTR_MODE		0x001
#define P9_SETATTR_UID		0x002
#define P9_SETATTR_GID		0x004
#define P9_SETATTR_SIZE		0x008
#define P9_SETATTR_ATIME	0x010
#define P9_SETATTR_MTIME	0x020
#define P9_SETATTR_CTIME	0x040
#define P9_SETATTR_ATIME_SET	0x080
#define P9_SETATTR_MTIME_SET	0x100

/* Tunlinkat flags */
#define P9_AT_REMOVEDIR	0x200

struct p9_qid {
	uint8_t type;
	uint32_t version;
	uint64_t path;
};

/* A message being built or read. */
struct p9_msg {
	uint8_t *buf;
	uint32_t cap;	/* request: room in buf; reply: its size field */
	uint32_t pos;
	int err;	/* sticky: a put or get went out of bounds */
};

/* Rgetattr */
struct p9_attr {
	uint64_t valid;
	struct p9_qid qid;
	uint32_t mode, uid, gid;
	uint64_t nlink, rdev, size, blksize, blocks;
	uint64_t atime_sec, atime_nsec, mtime_sec, mtime_nsec;
	uint64_t ctime_sec, ctime_nsec;
};

/* Tsetattr */
struct p9_setattr {
	uint32_t valid;
	uint32_t mode, uid, gid;
	uint64_t size;
	uint64_t atime_sec, atime_nsec, mtime_sec, mtime_nsec;
};

/* Rstatfs */
struct p9_statfs {
	uint32_t type, bsize;
	uint64_t blocks, bfree, bavail, files, ffree, fsid;
	uint32_t namelen;
};

/* One Rreaddir entry; name points into the message (not terminated). */
struct p9_dirent {
	struct p9_qid qid;
	uint64_t offset;
	uint8_t type;
	const char *name;
	uint16_t namelen;
};

/* Requests ------------------------------------------------------------ */

void p9_req_begin(struct p9_msg *m, void *buf, uint32_t cap, uint8_t type,
		  uint16_t tag);
/* Write the size field; its length, or -EMSGSIZE if it did not fit. */
int p9_req_end(struct p9_msg *m);
/*
 * The same for a message whose last @extra bytes are sent from another
 * buffer (a write's data): the size counts them, the result does not.
 */
int p9_req_end_extra(struct p9_msg *m, uint32_t extra);

void p9_put_u8(struct p9_msg *m, uint8_t v);
void p9_put_u16(struct p9_msg *m, uint16_t v);
void p9_put_u32(struct p9_msg *m, uint32_t v);
void p9_put_u64(struct p9_msg *m, uint64_t v);
/* A string of @len bytes; longer than 65535 sets the error. */
void p9_put_str(struct p9_msg *m, const char *s, size_t len);
void p9_put_data(struct p9_msg *m, const void *p, size_t len);

/*
 * Builders: each returns the message length or -EMSGSIZE. Names are
 * pointer + length. p9_req_end() may be called again after more puts.
 */
int p9_tversion(struct p9_msg *m, uint32_t msize, const char *version);
int p9_tattach(struct p9_msg *m, uint32_t fid, const char *uname,
	       const char *aname, uint32_t n_uname);
int p9_twalk(struct p9_msg *m, uint32_t fid, uint32_t newfid,
	     unsigned int nwname, const char *const *names,
	     const uint16_t *lens);
int p9_tfid(struct p9_msg *m, uint32_t fid);	/* clunk/readlink/statfs */
int p9_tlopen(struct p9_msg *m, uint32_t fid, uint32_t flags);
int p9_tlcreate(struct p9_msg *m, uint32_t fid, const char *name,
		size_t len, uint32_t flags, uint32_t mode, uint32_t gid);
int p9_tmkdir(struct p9_msg *m, uint32_t dfid, const char *name, size_t len,
	      uint32_t mode, uint32_t gid);
int p9_tsymlink(struct p9_msg *m, uint32_t dfid, const char *name,
		size_t len, const char *target, size_t tlen, uint32_t gid);
int p9_tlink(struct p9_msg *m, uint32_t dfid, uint32_t fid,
	     const char *name, size_t len);
int p9_tunlinkat(struct p9_msg *m, uint32_t dfid, const char *name,
		 size_t len, uint32_t flags);
int p9_trenameat(struct p9_msg *m, uint32_t odfid, const char *oname,
		 size_t olen, uint32_t ndfid, const char *nname, size_t nlen);
int p9_tgetattr(struct p9_msg *m, uint32_t fid, uint64_t mask);
int p9_tsetattr(struct p9_msg *m, uint32_t fid, const struct p9_setattr *a);
/* Tread, Treaddir, Twrite (whose data follows: p9_put_data, p9_req_end) */
int p9_tio(struct p9_msg *m, uint32_t fid, uint64_t offset, uint32_t count);
int p9_tfsync(struct p9_msg *m, uint32_t fid, uint32_t datasync);

/* Replies ------------------------------------------------------------- */

/*
 * Start decoding the @len bytes the transport returned for a request of
 * type @treq sent with @tag. Returns 0 when the message is the expected
 * reply (T + 1), a negative errno for a well-formed Rlerror (its code,
 * -EIO when out of 1..4095), -EIO for anything else.
 */
int p9_reply_begin(struct p9_msg *m, const void *buf, size_t len,
		   uint8_t treq, uint16_t tag);
/* 0 if every field was read and nothing is left over, else -EIO. */
int p9_reply_end(struct p9_msg *m);

uint8_t p9_get_u8(struct p9_msg *m);
uint16_t p9_get_u16(struct p9_msg *m);
uint32_t p9_get_u32(struct p9_msg *m);
uint64_t p9_get_u64(struct p9_msg *m);
void p9_get_qid(struct p9_msg *m, struct p9_qid *q);
/* A string in the message: *@s (not terminated), returns its length. */
uint16_t p9_get_str(struct p9_msg *m, const char **s);

/*
 * Decoders for a begun reply; each ends it (p9_reply_end) and returns 0
 * or -EIO. Limits come from the request, so the server cannot return
 * more than was asked.
 */
int p9_rversion(struct p9_msg *m, uint32_t *msize, const char **version,
		uint16_t *vlen);
int p9_rqid(struct p9_msg *m, struct p9_qid *q);  /* attach/mkdir/symlink */
/* *@nwqid <= @nwname (asked); 0 < *@nwqid < @nwname is a partial walk. */
int p9_rwalk(struct p9_msg *m, unsigned int nwname, struct p9_qid *qids,
	     unsigned int *nwqid);
int p9_ropen(struct p9_msg *m, struct p9_qid *q, uint32_t *iounit);
int p9_rgetattr(struct p9_msg *m, struct p9_attr *a);
int p9_rstatfs(struct p9_msg *m, struct p9_statfs *st);
/* Rread/Rreaddir: *@data, *@count <= @asked. */
int p9_rdata(struct p9_msg *m, uint32_t asked, const uint8_t **data,
	     uint32_t *count);
int p9_rwrite(struct p9_msg *m, uint32_t asked, uint32_t *count);
int p9_rreadlink(struct p9_msg *m, const char **target, uint16_t *len);

/*
 * An Rread whose data went to the caller's buffer (a read straight into
 * it): @hdr holds the first @hlen bytes the transport wrote (room for
 * P9_RREAD_HDR: the header and count, or a whole Rlerror), @len the
 * bytes it wrote in all. Checks the header against the request (@tag),
 * the size against @len and the count against @asked and the size.
 * 0 with *@count, the Rlerror's -errno, or -EIO.
 */
#define P9_RREAD_HDR	(P9_HDR_SIZE + 4)
int p9_rread_split(const void *hdr, size_t hlen, size_t len, uint16_t tag,
		   uint32_t asked, uint32_t *count);
int p9_rempty(struct p9_msg *m);  /* clunk/setattr/fsync/link/... */

/*
 * Walk Rreaddir data: *@pos (start at 0) is advanced past the entry.
 * Returns 1 with *@d, 0 at the end, -EIO for a malformed entry (cut
 * short, empty name, a name with '/' or NUL).
 */
int p9_dirent_next(const uint8_t *data, uint32_t count, uint32_t *pos,
		   struct p9_dirent *d);

#endif /* P9MSG_H */
