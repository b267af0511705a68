/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The file system "9pfs": vfscore's vnode ops over 9P2000.L calls.
 *
 * A vnode holds a fid walked to its file (never opened, so that
 * directories can be walked from it) and, while files are open on it,
 * an opened fid for reads, writes, readdir and fsync. The opened fid is
 * shared by every open file of the vnode: read/write carry their offset,
 * so one is enough, opened read-write when any open writes (falling back
 * to the mode asked) and clunked at the last close. A file created here
 * keeps the fid Tlcreate opened as both.
 *
 * Nothing is cached: every lookup walks, every stat asks the server, so
 * what the host changes in the folder is seen at once, and a folder
 * removed on the host makes the calls fail with the server's errors
 * (ENOENT) rather than serve stale data.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <uk/9pfs.h>
#include <uk/alloc.h>
#include <uk/print.h>
#include "p9fs.h"

/* Linux's open flags are 9P2000.L's (P9_DOTL_*). */
#define P9_O_DIRECTORY	00200000

static const struct uk_vnode_ops p9_vnops;

static struct uk_alloc *heap(void)
{
	return uk_alloc_get_default();
}

static void session_free(struct p9_session *s)
{
	uk_free(heap(), s->spare);
	uk_free(heap(), s->free_fids);
	uk_free(heap(), s);
}

/* Forget @fid on the server, then reuse its number (not if in doubt). */
static void fid_clunk(struct p9_session *s, uint32_t fid)
{
	if (fid == P9_NOFID)
		return;
	if (p9_clunk(s, fid) == 0)
		p9_fid_put(s, fid);
}

static mode_t qid_type(const struct p9_qid *q)
{
	if (q->type & P9_QTDIR)
		return S_IFDIR;
	if (q->type & P9_QTSYMLINK)
		return S_IFLNK;
	return S_IFREG;
}

/* A vnode for @fid (then owned by it); NULL (fid clunked) without memory. */
static struct uk_vnode *node_new(struct uk_mount *m, struct p9_session *s,
				 uint32_t fid, const struct p9_qid *q)
{
	struct p9_node *n;
	struct uk_vnode *vn;

	n = uk_calloc(heap(), 1, sizeof(*n));
	if (!n)
		goto err_clunk;
	n->s = s;
	n->fid = fid;
	n->iofid = P9_NOFID;
	n->retired[0] = n->retired[1] = P9_NOFID;
	vn = uk_vnode_alloc(m, &p9_vnops, n, q->path, qid_type(q));
	if (!vn)
		goto err_free;
	s->nr_nodes++;
	return vn;

err_free:
	uk_free(heap(), n);
err_clunk:
	fid_clunk(s, fid);
	return NULL;
}

static struct p9_node *node(struct uk_vnode *vn)
{
	return vn->priv;
}

/* Keep @fid, replaced as the I/O fid, until the last close. */
static void retire(struct p9_node *n, uint32_t fid)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(n->retired); i++) {
		if (n->retired[i] == P9_NOFID) {
			n->retired[i] = fid;
			return;
		}
	}
	/* No room (cannot happen with two modes to upgrade): clunk it. */
	fid_clunk(n->s, fid);
}

static void clunk_retired(struct p9_node *n)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(n->retired); i++) {
		fid_clunk(n->s, n->retired[i]);
		n->retired[i] = P9_NOFID;
	}
}

/*
 * Make sure @n has an opened fid that allows @acc (O_RDONLY, O_WRONLY,
 * O_RDWR). A write asks for O_RDWR first, so that later opens of the
 * vnode find what they need.
 */
static int node_open_io(struct uk_vnode *vn, int acc)
{
	struct p9_node *n = node(vn);
	struct p9_session *s = n->s;
	uint32_t fid, iounit, old;
	int rc, mode, extra = 0;

	if (n->iofid != P9_NOFID &&
	    (n->iomode == O_RDWR || n->iomode == acc))
		return 0;
	if (vn->type == S_IFDIR)
		extra = P9_O_DIRECTORY;
	/* Already open the other way: both ways are needed now. */
	mode = acc == O_RDONLY && n->iofid == P9_NOFID ? O_RDONLY : O_RDWR;
	fid = p9_fid_get(s);
	if (fid == P9_NOFID)
		return -ENFILE;
	rc = p9_walk(s, n->fid, fid, NULL, 0, NULL);
	if (rc < 0) {
		p9_fid_put(s, fid);
		return rc;
	}
	rc = p9_lopen(s, fid, (uint32_t)(mode | extra), &iounit);
	if (rc == -EACCES && mode != acc && n->iofid == P9_NOFID) {
		mode = acc;
		rc = p9_lopen(s, fid, (uint32_t)(mode | extra), &iounit);
	}
	if (rc < 0) {
		fid_clunk(s, fid);
		return rc;
	}
	/*
	 * Another thread may have opened one while we waited: keep one
	 * that serves @acc, and never clunk a fid that may be in use.
	 */
	if (n->iofid != P9_NOFID &&
	    (n->iomode == O_RDWR || n->iomode == acc)) {
		fid_clunk(s, fid);
		return 0;
	}
	old = n->iofid;
	n->iofid = fid;
	n->iomode = mode;
	n->iounit = iounit;
	if (old != P9_NOFID && old != n->fid)
		retire(n, old);
	return 0;
}

static int p9_vn_lookup(struct uk_vnode *dir, const char *name, size_t len,
			struct uk_vnode **out)
{
	struct p9_session *s = node(dir)->s;
	struct p9_qid q;
	uint32_t fid;
	int rc;

	fid = p9_fid_get(s);
	if (fid == P9_NOFID)
		return -ENFILE;
	rc = p9_walk(s, node(dir)->fid, fid, name, len, &q);
	if (rc < 0) {
		/* A failed walk creates no fid on the server. */
		p9_fid_put(s, fid);
		return rc;
	}
	*out = node_new(dir->mount, s, fid, &q);
	return *out ? 0 : -ENOMEM;
}

static int p9_vn_create(struct uk_vnode *dir, const char *name, size_t len,
			mode_t mode, struct uk_vnode **out)
{
	struct p9_session *s = node(dir)->s;
	struct uk_vnode *vn;
	struct p9_qid q;
	uint32_t fid, iounit;
	int rc;

	fid = p9_fid_get(s);
	if (fid == P9_NOFID)
		return -ENFILE;
	rc = p9_walk(s, node(dir)->fid, fid, NULL, 0, NULL);
	if (rc < 0) {
		p9_fid_put(s, fid);
		return rc;
	}
	rc = p9_lcreate(s, fid, name, len, O_RDWR | O_CREAT | O_EXCL,
			mode & 07777, &q, &iounit);
	if (rc < 0) {
		fid_clunk(s, fid);
		return rc;
	}
	vn = node_new(dir->mount, s, fid, &q);
	if (!vn)
		return -ENOMEM;
	/* Tlcreate left the fid open read-write on the new file. */
	node(vn)->iofid = fid;
	node(vn)->iomode = O_RDWR;
	node(vn)->iounit = iounit;
	*out = vn;
	return 0;
}

static int p9_vn_mkdir(struct uk_vnode *dir, const char *name, size_t len,
		       mode_t mode)
{
	return p9_mkdir(node(dir)->s, node(dir)->fid, name, len, mode & 07777);
}

static int p9_vn_symlink(struct uk_vnode *dir, const char *name, size_t len,
			 const char *target)
{
	return p9_symlink(node(dir)->s, node(dir)->fid, name, len, target);
}

static int p9_vn_link(struct uk_vnode *dir, const char *name, size_t len,
		      struct uk_vnode *vn)
{
	return p9_link(node(dir)->s, node(dir)->fid, node(vn)->fid, name, len);
}

static int p9_vn_unlink(struct uk_vnode *dir, const char *name, size_t len)
{
	return p9_unlinkat(node(dir)->s, node(dir)->fid, name, len, 0);
}

static int p9_vn_rmdir(struct uk_vnode *dir, const char *name, size_t len)
{
	return p9_unlinkat(node(dir)->s, node(dir)->fid, name, len,
			   P9_AT_REMOVEDIR);
}

static int p9_vn_rename(struct uk_vnode *odir, const char *oname,
			size_t olen, struct uk_vnode *ndir, const char *nname,
			size_t nlen)
{
	return p9_renameat(node(odir)->s, node(odir)->fid, oname, olen,
			   node(ndir)->fid, nname, nlen);
}

static int p9_vn_readdir(struct uk_vnode *dir, uint64_t *cookie,
			 uk_vfs_filldir_t fill, void *ctx)
{
	struct p9_node *n = node(dir);
	int rc;
	struct p9_attr a;
	uint64_t start = *cookie;

	rc = node_open_io(dir, O_RDONLY);
	if (rc < 0)
		return rc;
	rc = p9_readdir(n->s, n->iofid, cookie, fill, ctx);
	/*
	 * A live directory lists at least "." and "..": nothing at all
	 * from the start means it was removed (the host still reads it
	 * through the open fid, as an empty one). Linux says ENOENT.
	 */
	if (rc == 0 && start == 0 && *cookie == 0 &&
	    p9_getattr(n->s, n->iofid, &a) == 0 && a.nlink == 0)
		return -ENOENT;
	return rc < 0 ? rc : 0;
}

/*
 * The fid to ask about @vn's attributes: the opened one when there is
 * one, which the server resolves through its open file (its path is
 * gone once the file is unlinked), else the walked one.
 */
static uint32_t attr_fid(struct uk_vnode *vn)
{
	struct p9_node *n = node(vn);

	return n->iofid != P9_NOFID ? n->iofid : n->fid;
}

static int p9_vn_getattr(struct uk_vnode *vn, struct stat *st)
{
	struct p9_attr a;
	int rc;

	rc = p9_getattr(node(vn)->s, attr_fid(vn), &a);
	if (rc < 0)
		return rc;
	memset(st, 0, sizeof(*st));
	st->st_dev = vn->mount->dev;
	st->st_ino = a.qid.path;
	st->st_mode = a.mode;
	st->st_nlink = a.nlink;
	st->st_uid = a.uid;
	st->st_gid = a.gid;
	st->st_rdev = a.rdev;
	st->st_size = (off_t)a.size;
	st->st_blksize = (blksize_t)a.blksize;
	st->st_blocks = (blkcnt_t)a.blocks;
	st->st_atim.tv_sec = (time_t)a.atime_sec;
	st->st_atim.tv_nsec = (long)a.atime_nsec;
	st->st_mtim.tv_sec = (time_t)a.mtime_sec;
	st->st_mtim.tv_nsec = (long)a.mtime_nsec;
	st->st_ctim.tv_sec = (time_t)a.ctime_sec;
	st->st_ctim.tv_nsec = (long)a.ctime_nsec;
	return 0;
}

static int p9_vn_setattr(struct uk_vnode *vn, const struct uk_vattr *va)
{
	struct p9_setattr a = { 0 };

	if (va->mask & UK_VATTR_MODE) {
		a.valid |= P9_SETATTR_MODE;
		a.mode = va->mode & 07777;
	}
	if (va->mask & UK_VATTR_UID) {
		a.valid |= P9_SETATTR_UID;
		a.uid = va->uid;
	}
	if (va->mask & UK_VATTR_GID) {
		a.valid |= P9_SETATTR_GID;
		a.gid = va->gid;
	}
	if (va->mask & UK_VATTR_SIZE) {
		if (va->size < 0)
			return -EINVAL;
		a.valid |= P9_SETATTR_SIZE;
		a.size = (uint64_t)va->size;
	}
	if (va->mask & UK_VATTR_ATIME) {
		a.valid |= P9_SETATTR_ATIME | P9_SETATTR_ATIME_SET;
		a.atime_sec = (uint64_t)va->atime.tv_sec;
		a.atime_nsec = (uint64_t)va->atime.tv_nsec;
	}
	if (va->mask & UK_VATTR_MTIME) {
		a.valid |= P9_SETATTR_MTIME | P9_SETATTR_MTIME_SET;
		a.mtime_sec = (uint64_t)va->mtime.tv_sec;
		a.mtime_nsec = (uint64_t)va->mtime.tv_nsec;
	}
	if (!a.valid)
		return 0;
	return p9_setattr(node(vn)->s, attr_fid(vn), &a);
}

static ssize_t p9_vn_readlink(struct uk_vnode *vn, char *buf, size_t len)
{
	if (vn->type != S_IFLNK)
		return -EINVAL;
	return p9_readlink(node(vn)->s, node(vn)->fid, buf, len);
}

static int p9_vn_open(struct uk_vnode *vn, int flags,
		      struct uk_file **devfile __unused)
{
	if (vn->type != S_IFREG && vn->type != S_IFDIR)
		return 0;
	return node_open_io(vn, vn->type == S_IFDIR ? O_RDONLY :
						      flags & O_ACCMODE);
}

static void p9_vn_close(struct uk_vnode *vn)
{
	struct p9_node *n = node(vn);
	uint32_t fid = n->iofid;

	clunk_retired(n);
	/* A created file's opened fid is its only one: kept. */
	if (fid == P9_NOFID || fid == n->fid)
		return;
	n->iofid = P9_NOFID;
	fid_clunk(n->s, fid);
}

static ssize_t p9_vn_read(struct uk_vnode *vn, const struct iovec *iov,
			  int iovcnt, off_t off)
{
	struct p9_node *n = node(vn);
	int rc;

	if (vn->type != S_IFREG)
		return vn->type == S_IFDIR ? -EISDIR : -EINVAL;
	rc = node_open_io(vn, O_RDONLY);
	if (rc < 0)
		return rc;
	return p9_read(n->s, n->iofid, n->iounit, iov, iovcnt, off);
}

static ssize_t p9_vn_write(struct uk_vnode *vn, const struct iovec *iov,
			   int iovcnt, off_t off)
{
	struct p9_node *n = node(vn);
	int rc;

	if (vn->type != S_IFREG)
		return vn->type == S_IFDIR ? -EISDIR : -EINVAL;
	rc = node_open_io(vn, O_WRONLY);
	if (rc < 0)
		return rc;
	return p9_write(n->s, n->iofid, n->iounit, iov, iovcnt, off);
}

static int p9_vn_fsync(struct uk_vnode *vn, int datasync)
{
	struct p9_node *n = node(vn);
	int rc;

	/* The server syncs an open file (its host descriptor). */
	rc = node_open_io(vn, O_RDONLY);
	if (rc < 0)
		return rc;
	return p9_fsync(n->s, n->iofid, datasync);
}

static void p9_vn_release(struct uk_vnode *vn)
{
	struct p9_node *n = node(vn);
	struct p9_session *s = n->s;

	if (!s->unmounted) {
		clunk_retired(n);
		if (n->iofid != n->fid)
			fid_clunk(s, n->iofid);
		fid_clunk(s, n->fid);
	}
	uk_free(heap(), n);
	if (--s->nr_nodes == 0 && s->unmounted)
		session_free(s);
}

static const struct uk_vnode_ops p9_vnops = {
	.lookup = p9_vn_lookup,
	.create = p9_vn_create,
	.mkdir = p9_vn_mkdir,
	.symlink = p9_vn_symlink,
	.link = p9_vn_link,
	.unlink = p9_vn_unlink,
	.rmdir = p9_vn_rmdir,
	.rename = p9_vn_rename,
	.readdir = p9_vn_readdir,
	.getattr = p9_vn_getattr,
	.setattr = p9_vn_setattr,
	.readlink = p9_vn_readlink,
	.open = p9_vn_open,
	.close = p9_vn_close,
	.read = p9_vn_read,
	.write = p9_vn_write,
	.fsync = p9_vn_fsync,
	.release = p9_vn_release,
};

/* Mount options: "msize=N,aname=P" (see uk/9pfs.h). */
struct p9_opts {
	uint32_t msize;
	char aname[256];
};

static int parse_opts(const char *opts, struct p9_opts *o)
{
	const char *p = opts ? opts : "", *end, *val;
	unsigned long v;
	size_t len;
	char *e;

	o->msize = CONFIG_LIB9PFS_MSIZE;
	o->aname[0] = '\0';
	while (*p) {
		end = strchr(p, ',');
		len = end ? (size_t)(end - p) : strlen(p);
		if (len > 6 && !strncmp(p, "msize=", 6)) {
			val = p + 6;
			v = strtoul(val, &e, 10);
			if (e != p + len || e == val || v < 8192 ||
			    v > (1ul << 30))
				goto bad;
			o->msize = (uint32_t)v;
		} else if (len > 6 && !strncmp(p, "aname=", 6)) {
			if (len - 6 >= sizeof(o->aname))
				goto bad;
			memcpy(o->aname, p + 6, len - 6);
			o->aname[len - 6] = '\0';
		} else if (len) {
			goto bad;
		}
		p += len + (end ? 1 : 0);
	}
	return 0;
bad:
	uk_pr_err("9pfs: bad option '%.*s' (msize=8192..1073741824, aname=path)\n",
		  (int)len, p);
	return -EINVAL;
}

static int p9_mount(struct uk_mount *m, const char *source, const char *opts)
{
	struct p9_session *s;
	struct uk_9pdev *dev;
	struct p9_opts o;
	struct p9_qid q;
	int rc, busy;

	rc = parse_opts(opts, &o);
	if (rc < 0)
		return rc;
	dev = uk_9pdev_claim(source, &busy);
	if (!dev) {
		uk_pr_err("9pfs: %s: no 9P device with tag '%s'\n", m->path,
			  source);
		return busy ? -EBUSY : -ENODEV;
	}
	s = uk_calloc(heap(), 1, sizeof(*s));
	if (!s) {
		rc = -ENOMEM;
		goto err_release;
	}
	s->dev = dev;
	s->root_fid = 0;
	s->next_fid = 1;
	rc = p9_version(s, MIN(o.msize, dev->max_msize));
	if (rc < 0)
		goto err_free;
	rc = p9_attach(s, s->root_fid, o.aname, &q);
	if (rc < 0) {
		uk_pr_err("9pfs: %s: attach to '%s' failed: %d\n", m->path,
			  source, rc);
		goto err_free;
	}
	if (!(q.type & P9_QTDIR)) {
		rc = -ENOTDIR;
		goto err_clunk;
	}
	m->root = node_new(m, s, s->root_fid, &q);
	if (!m->root) {
		rc = -ENOMEM;
		goto err_free;
	}
	m->priv = s;
	uk_pr_info("9pfs: '%s' on %s, msize %u\n", source, m->path, s->msize);
	return 0;

err_clunk:
	p9_clunk(s, s->root_fid);
err_free:
	session_free(s);
err_release:
	uk_9pdev_release(dev);
	return rc;
}

/*
 * After this no message is sent for the session: the root (and any
 * vnode still referenced) is freed later without a clunk, and the next
 * mount's Tversion makes the server drop every fid of this one.
 */
static int p9_unmount(struct uk_mount *m)
{
	struct p9_session *s = m->priv;

	s->unmounted = 1;
	uk_9pdev_release(s->dev);
	if (s->nr_nodes == 0)
		session_free(s);
	return 0;
}

static int p9_fs_statfs(struct uk_mount *m, struct statfs *st)
{
	struct p9_session *s = m->priv;
	struct p9_statfs f;
	int rc;

	rc = p9_statfs(s, s->root_fid, &f);
	if (rc < 0)
		return rc;
	memset(st, 0, sizeof(*st));
	st->f_type = UK_9PFS_MAGIC;
	st->f_bsize = f.bsize;
	st->f_frsize = f.bsize;
	st->f_blocks = f.blocks;
	st->f_bfree = f.bfree;
	st->f_bavail = f.bavail;
	st->f_files = f.files;
	st->f_ffree = f.ffree;
	memcpy(&st->f_fsid, &f.fsid, MIN(sizeof(st->f_fsid), sizeof(f.fsid)));
	st->f_namelen = f.namelen;
	return 0;
}

static const struct uk_fs_type p9fs_type = {
	.name = "9pfs",
	.mount = p9_mount,
	.unmount = p9_unmount,
	.statfs = p9_fs_statfs,
	.magic = UK_9PFS_MAGIC,
};

UK_FS_REGISTER(p9fs_type);
