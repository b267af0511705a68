/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 9pfs internals: a session (one mount, one transport) and its remote
 * procedure calls (client.c), used by the vnode ops (vnops.c).
 *
 * Every call returns 0 (or a count) or a negative errno: the server's
 * own (Rlerror), -EIO for a reply that fails a check or a transport
 * failure, -ENOMEM, -ENAMETOOLONG for a message that does not fit.
 */
#ifndef P9FS_H
#define P9FS_H

#include <stdint.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <uk/9pdev.h>
#include <uk/vfs.h>
#include "p9msg.h"

struct p9_session {
	struct uk_9pdev *dev;
	uint32_t msize;		/* negotiated */
	uint32_t iosize;	/* data bytes per Tread/Twrite */
	uint16_t next_tag;
	/* fids: a counter, and the clunked ones to reuse */
	uint32_t next_fid;
	uint32_t *free_fids;
	unsigned int nr_free, free_cap;
	uint32_t root_fid;
	/* Nodes alive; the session is freed with the last after unmount. */
	long nr_nodes;
	int unmounted;
	/* A data call's buffer kept for the next one (client.c). */
	uint8_t *spare;
	uint32_t spare_size;
	/* Reply decoding failures and transport errors, for messages. */
	unsigned long bad_replies;
};

/* A vnode's file-system object. */
struct p9_node {
	struct p9_session *s;
	uint32_t fid;		/* walked to the file, never clunked early */
	/*
	 * The fid reads and writes use: P9_NOFID until an open, @fid itself
	 * for a file created here (Tlcreate opens the fid it gets).
	 */
	uint32_t iofid;
	int iomode;		/* O_RDONLY / O_WRONLY / O_RDWR of iofid */
	uint32_t iounit;	/* data bytes per request on iofid */
	/*
	 * Opened fids that iofid replaced (an upgrade to O_RDWR, or two
	 * threads opening at once): another thread may still be reading
	 * or writing through them, so they are clunked only at the last
	 * close.
	 */
	uint32_t retired[2];
};

uint32_t p9_fid_get(struct p9_session *s);
void p9_fid_put(struct p9_session *s, uint32_t fid);

int p9_version(struct p9_session *s, uint32_t msize);
int p9_attach(struct p9_session *s, uint32_t fid, const char *aname,
	      struct p9_qid *qid);
/* Walk @fid by @len bytes of @name (@len 0: a clone) to @newfid. */
int p9_walk(struct p9_session *s, uint32_t fid, uint32_t newfid,
	    const char *name, size_t len, struct p9_qid *qid);
int p9_clunk(struct p9_session *s, uint32_t fid);
int p9_lopen(struct p9_session *s, uint32_t fid, uint32_t flags,
	     uint32_t *iounit);
/* Create @name in the directory @fid, which is then the open file. */
int p9_lcreate(struct p9_session *s, uint32_t fid, const char *name,
	       size_t len, uint32_t flags, uint32_t mode,
	       struct p9_qid *qid, uint32_t *iounit);
int p9_mkdir(struct p9_session *s, uint32_t dfid, const char *name,
	     size_t len, uint32_t mode);
int p9_symlink(struct p9_session *s, uint32_t dfid, const char *name,
	       size_t len, const char *target);
int p9_link(struct p9_session *s, uint32_t dfid, uint32_t fid,
	    const char *name, size_t len);
int p9_unlinkat(struct p9_session *s, uint32_t dfid, const char *name,
		size_t len, uint32_t flags);
int p9_renameat(struct p9_session *s, uint32_t odfid, const char *oname,
		size_t olen, uint32_t ndfid, const char *nname, size_t nlen);
int p9_getattr(struct p9_session *s, uint32_t fid, struct p9_attr *a);
int p9_setattr(struct p9_session *s, uint32_t fid,
	       const struct p9_setattr *a);
ssize_t p9_readlink(struct p9_session *s, uint32_t fid, char *buf,
		    size_t len);
int p9_fsync(struct p9_session *s, uint32_t fid, int datasync);
int p9_statfs(struct p9_session *s, uint32_t fid, struct p9_statfs *st);
/* Move the bytes of @iov at @off, in requests of at most @unit bytes. */
ssize_t p9_read(struct p9_session *s, uint32_t fid, uint32_t unit,
		const struct iovec *iov, int iovcnt, off_t off);
ssize_t p9_write(struct p9_session *s, uint32_t fid, uint32_t unit,
		 const struct iovec *iov, int iovcnt, off_t off);
/*
 * Entries of the open directory @fid from *@cookie on (vfscore's rules):
 * 0 at the end of the directory, 1 when @fill stopped, or -errno.
 */
int p9_readdir(struct p9_session *s, uint32_t fid, uint64_t *cookie,
	       uk_vfs_filldir_t fill, void *ctx);

#endif /* P9FS_H */
