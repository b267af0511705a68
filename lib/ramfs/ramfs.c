/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ramfs: a file system in memory. Nodes are files, directories and
 * symbolic links; vnodes point at nodes, and a node is freed when it has
 * neither names (nlink) nor vnodes. File data is an array of 4 KiB pages
 * indexed by page number, a missing page reading as zeros, so files grow
 * sparsely. Directories are lists of entries in creation order, each with
 * a cookie that never changes, so readdir continues correctly across
 * creations and removals. Lookups scan the list: fine for the hundreds of
 * entries an application's directories hold, not for millions.
 *
 * Out of memory (or past the mount's size= limit) is ENOSPC for that
 * call; a write that fills memory part-way returns what it wrote, so
 * nothing already written is lost.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/param.h>
#include <uk/vfs.h>

#define RAMFS_MAGIC 0x858458f6
#define PAGE 4096UL

struct rnode;

struct rdirent {
	struct rdirent *next;
	struct rnode *node;
	uint64_t cookie;
	size_t len;
	char name[];
};

struct rnode {
	uint64_t ino;
	mode_t mode;
	uid_t uid;
	gid_t gid;
	nlink_t nlink;
	long vrefs;		/* vnodes pointing here */
	struct timespec atime, mtime, ctime;
	off_t size;		/* files: bytes; symlinks: target length */
	union {
		struct {	/* S_IFREG */
			char **pages;
			size_t npages;	/* slots in pages[] */
		};
		struct {	/* S_IFDIR */
			struct rdirent *first, *last;
			uint64_t next_cookie;
			struct rnode *parent;
		};
		char *target;	/* S_IFLNK */
	};
};

struct rmount {
	uint64_t next_ino;
	size_t limit;		/* bytes of data pages allowed (0: any) */
	size_t used;		/* bytes of data pages held */
	size_t nodes;
};

static const struct uk_vnode_ops ramfs_vops;

static struct uk_alloc *a(void)
{
	return uk_alloc_get_default();
}

static struct rnode *node(struct uk_vnode *vn)
{
	return vn->priv;
}

static struct rmount *rm(struct uk_vnode *vn)
{
	return vn->mount->priv;
}

static struct rnode *node_new(struct rmount *m, mode_t mode)
{
	struct rnode *n = uk_calloc(a(), 1, sizeof(*n));

	if (!n)
		return NULL;
	n->ino = ++m->next_ino;
	n->mode = mode;
	n->nlink = S_ISDIR(mode) ? 2 : 1;
	uk_vfs_now(&n->mtime);
	n->atime = n->ctime = n->mtime;
	if (S_ISDIR(mode))
		n->next_cookie = 2;	/* 0 and 1 are "." and ".." */
	m->nodes++;
	return n;
}

static void truncate_pages(struct rmount *m, struct rnode *n, off_t size);

/* Free @n when nothing names it and no vnode holds it. */
static void node_maybe_free(struct rmount *m, struct rnode *n)
{
	if (n->nlink || n->vrefs)
		return;
	if (S_ISREG(n->mode)) {
		truncate_pages(m, n, 0);
		uk_free(a(), n->pages);
	} else if (S_ISLNK(n->mode)) {
		uk_free(a(), n->target);
	}
	m->nodes--;
	uk_free(a(), n);
}

static struct uk_vnode *vnode_for(struct uk_mount *mnt, struct rnode *n)
{
	struct uk_vnode *vn;

	vn = uk_vnode_alloc(mnt, &ramfs_vops, n, n->ino, n->mode);
	if (vn)
		n->vrefs++;
	return vn;
}

static void ramfs_release(struct uk_vnode *vn)
{
	struct rnode *n = node(vn);

	n->vrefs--;
	node_maybe_free(rm(vn), n);
}

/* ------------------------------------------------------- directories -- */

static struct rdirent *dir_find(struct rnode *d, const char *name,
				size_t len, struct rdirent **prev)
{
	struct rdirent *e, *p = NULL;

	for (e = d->first; e; p = e, e = e->next) {
		if (e->len == len && !memcmp(e->name, name, len)) {
			if (prev)
				*prev = p;
			return e;
		}
	}
	return NULL;
}

static int dir_add(struct rnode *d, const char *name, size_t len,
		   struct rnode *n)
{
	struct rdirent *e = uk_malloc(a(), sizeof(*e) + len + 1);

	if (!e)
		return -ENOSPC;
	e->next = NULL;
	e->node = n;
	e->cookie = d->next_cookie++;
	e->len = len;
	memcpy(e->name, name, len);
	e->name[len] = 0;
	if (d->last)
		d->last->next = e;
	else
		d->first = e;
	d->last = e;
	uk_vfs_now(&d->mtime);
	d->ctime = d->mtime;
	return 0;
}

static void dir_del(struct rnode *d, struct rdirent *e, struct rdirent *prev)
{
	if (prev)
		prev->next = e->next;
	else
		d->first = e->next;
	if (d->last == e)
		d->last = prev;
	uk_free(a(), e);
	uk_vfs_now(&d->mtime);
	d->ctime = d->mtime;
}

static int ramfs_lookup(struct uk_vnode *dir, const char *name, size_t len,
			struct uk_vnode **out)
{
	struct rdirent *e = dir_find(node(dir), name, len, NULL);

	if (!e)
		return -ENOENT;
	*out = vnode_for(dir->mount, e->node);
	return *out ? 0 : -ENOMEM;
}

/* A new node of @mode named @name in @dir; *@out gets a vnode if asked. */
static int make(struct uk_vnode *dir, const char *name, size_t len,
		mode_t mode, struct rnode **np)
{
	struct rnode *d = node(dir), *n;
	int rc;

	if (dir_find(d, name, len, NULL))
		return -EEXIST;
	if (!d->nlink)
		return -ENOENT;	/* a removed directory */
	n = node_new(rm(dir), mode);
	if (!n)
		return -ENOSPC;
	rc = dir_add(d, name, len, n);
	if (rc < 0) {
		n->nlink = 0;
		node_maybe_free(rm(dir), n);
		return rc;
	}
	if (S_ISDIR(mode)) {
		n->parent = d;
		d->nlink++;
	}
	*np = n;
	return 0;
}

static int ramfs_create(struct uk_vnode *dir, const char *name, size_t len,
			mode_t mode, struct uk_vnode **out)
{
	struct rnode *n;
	int rc = make(dir, name, len, S_IFREG | (mode & 07777), &n);

	if (rc < 0)
		return rc;
	*out = vnode_for(dir->mount, n);
	return *out ? 0 : -ENOMEM;
}

static int ramfs_mkdir(struct uk_vnode *dir, const char *name, size_t len,
		       mode_t mode)
{
	struct rnode *n;

	return make(dir, name, len, S_IFDIR | (mode & 07777), &n);
}

static int ramfs_symlink(struct uk_vnode *dir, const char *name, size_t len,
			 const char *target)
{
	size_t tlen = strlen(target);
	char *t = uk_malloc(a(), tlen + 1);
	struct rnode *n;
	int rc;

	if (!t)
		return -ENOSPC;
	memcpy(t, target, tlen + 1);
	rc = make(dir, name, len, S_IFLNK | 0777, &n);
	if (rc < 0) {
		uk_free(a(), t);
		return rc;
	}
	n->target = t;
	n->size = tlen;
	return 0;
}

static int ramfs_link(struct uk_vnode *dir, const char *name, size_t len,
		      struct uk_vnode *vn)
{
	struct rnode *n = node(vn);
	int rc;

	if (dir_find(node(dir), name, len, NULL))
		return -EEXIST;
	if (!n->nlink)
		return -ENOENT;	/* linking an unlinked open file */
	rc = dir_add(node(dir), name, len, n);
	if (rc < 0)
		return rc;
	n->nlink++;
	uk_vfs_now(&n->ctime);
	return 0;
}

static int remove_entry(struct uk_vnode *dir, const char *name, size_t len,
			int want_dir)
{
	struct rnode *d = node(dir), *n;
	struct rdirent *e, *prev;

	e = dir_find(d, name, len, &prev);
	if (!e)
		return -ENOENT;
	n = e->node;
	if (want_dir) {
		if (!S_ISDIR(n->mode))
			return -ENOTDIR;
		if (n->first)
			return -ENOTEMPTY;
		d->nlink--;
		n->nlink = 0;
	} else {
		if (S_ISDIR(n->mode))
			return -EISDIR;
		n->nlink--;
		uk_vfs_now(&n->ctime);
	}
	dir_del(d, e, prev);
	node_maybe_free(rm(dir), n);
	return 0;
}

static int ramfs_unlink(struct uk_vnode *dir, const char *name, size_t len)
{
	return remove_entry(dir, name, len, 0);
}

static int ramfs_rmdir(struct uk_vnode *dir, const char *name, size_t len)
{
	return remove_entry(dir, name, len, 1);
}

static int ramfs_rename(struct uk_vnode *odir, const char *oname,
			size_t olen, struct uk_vnode *ndir, const char *nname,
			size_t nlen)
{
	struct rnode *od = node(odir), *nd = node(ndir), *n, *victim;
	struct rdirent *oe, *oprev, *ne, *nprev;
	int rc;

	oe = dir_find(od, oname, olen, &oprev);
	if (!oe)
		return -ENOENT;
	n = oe->node;
	ne = dir_find(nd, nname, nlen, &nprev);
	if (ne) {
		victim = ne->node;
		if (victim == n)
			return 0;
		if (S_ISDIR(victim->mode) && victim->first)
			return -ENOTEMPTY;
		if (S_ISDIR(victim->mode) != S_ISDIR(n->mode))
			return S_ISDIR(victim->mode) ? -EISDIR : -ENOTDIR;
		/* Take over the victim's entry: no allocation can fail. */
		ne->node = n;
		if (S_ISDIR(victim->mode)) {
			victim->nlink = 0;
			nd->nlink--;
		} else {
			victim->nlink--;
		}
		node_maybe_free(rm(odir), victim);
		uk_vfs_now(&nd->mtime);
		nd->ctime = nd->mtime;
	} else {
		rc = dir_add(nd, nname, nlen, n);
		if (rc < 0)
			return rc;
	}
	/* dir_add may have changed od's list tail: find oe again. */
	oe = dir_find(od, oname, olen, &oprev);
	if (oe->node == n)
		dir_del(od, oe, oprev);
	if (S_ISDIR(n->mode) && od != nd) {
		od->nlink--;
		nd->nlink++;
		n->parent = nd;
	}
	uk_vfs_now(&n->ctime);
	return 0;
}

static int ramfs_readdir(struct uk_vnode *dir, uint64_t *cookie,
			 uk_vfs_filldir_t fill, void *ctx)
{
	struct rnode *d = node(dir);
	struct rdirent *e;

	if (*cookie == 0) {
		if (fill(ctx, ".", 1, d->ino, 4, 1))
			return 0;
		*cookie = 1;
	}
	if (*cookie == 1) {
		if (fill(ctx, "..", 2, d->parent ? d->parent->ino : d->ino,
			 4, 2))
			return 0;
		*cookie = 2;
	}
	for (e = d->first; e; e = e->next) {
		if (e->cookie < *cookie)
			continue;
		if (fill(ctx, e->name, e->len, e->node->ino,
			 (e->node->mode & S_IFMT) >> 12, e->cookie + 1))
			return 0;
		*cookie = e->cookie + 1;
	}
	return 0;
}

/* ------------------------------------------------------------- files -- */

static void truncate_pages(struct rmount *m, struct rnode *n, off_t size)
{
	size_t keep = (size + PAGE - 1) / PAGE, i;

	for (i = keep; i < n->npages; i++) {
		if (n->pages[i]) {
			uk_free(a(), n->pages[i]);
			n->pages[i] = NULL;
			m->used -= PAGE;
		}
	}
	/* The part of the last page past the end reads as zeros again. */
	if (size % PAGE && keep - 1 < n->npages && n->pages[keep - 1])
		memset(n->pages[keep - 1] + size % PAGE, 0,
		       PAGE - size % PAGE);
}

/* Make page slot @idx exist; -ENOSPC when out of memory. */
static int page_slots(struct rnode *n, size_t idx)
{
	size_t want = n->npages ? n->npages : 4;
	char **p;

	if (idx < n->npages)
		return 0;
	while (want <= idx)
		want *= 2;
	p = uk_realloc(a(), n->pages, want * sizeof(*p));
	if (!p)
		return -ENOSPC;
	memset(p + n->npages, 0, (want - n->npages) * sizeof(*p));
	n->pages = p;
	n->npages = want;
	return 0;
}

static char *page_get(struct rmount *m, struct rnode *n, size_t idx)
{
	if (page_slots(n, idx) < 0)
		return NULL;
	if (!n->pages[idx]) {
		if (m->limit && m->used + PAGE > m->limit)
			return NULL;
		n->pages[idx] = uk_calloc(a(), 1, PAGE);
		if (!n->pages[idx])
			return NULL;
		m->used += PAGE;
	}
	return n->pages[idx];
}

static ssize_t ramfs_read(struct uk_vnode *vn, const struct iovec *iov,
			  int iovcnt, off_t off)
{
	struct rnode *n = node(vn);
	size_t done = 0, chunk, idx, in;
	int i;

	for (i = 0; i < iovcnt && off < n->size; i++) {
		char *dst = iov[i].iov_base;
		size_t left = MIN(iov[i].iov_len, (size_t)(n->size - off));

		while (left) {
			idx = off / PAGE;
			in = off % PAGE;
			chunk = MIN(left, PAGE - in);
			if (idx < n->npages && n->pages[idx])
				memcpy(dst, n->pages[idx] + in, chunk);
			else
				memset(dst, 0, chunk);
			dst += chunk;
			off += chunk;
			left -= chunk;
			done += chunk;
		}
	}
	return done;
}

static ssize_t ramfs_write(struct uk_vnode *vn, const struct iovec *iov,
			   int iovcnt, off_t off)
{
	struct rnode *n = node(vn);
	size_t done = 0, chunk, in;
	char *page;
	int i;

	for (i = 0; i < iovcnt; i++) {
		const char *src = iov[i].iov_base;
		size_t left = iov[i].iov_len;

		if (left > (size_t)(LLONG_MAX - off))
			return done ? (ssize_t)done : -EFBIG;
		while (left) {
			in = off % PAGE;
			chunk = MIN(left, PAGE - in);
			page = page_get(rm(vn), n, off / PAGE);
			if (!page)
				goto out;
			memcpy(page + in, src, chunk);
			src += chunk;
			off += chunk;
			left -= chunk;
			done += chunk;
			if (off > n->size)
				n->size = off;
		}
	}
out:
	if (done) {
		uk_vfs_now(&n->mtime);
		n->ctime = n->mtime;
	}
	return done ? (ssize_t)done : -ENOSPC;
}

static int ramfs_getattr(struct uk_vnode *vn, struct stat *st)
{
	struct rnode *n = node(vn);
	size_t i, blocks = 0;

	if (S_ISREG(n->mode))
		for (i = 0; i < n->npages; i++)
			blocks += n->pages[i] ? PAGE / 512 : 0;
	st->st_ino = n->ino;
	st->st_mode = n->mode;
	st->st_nlink = n->nlink;
	st->st_uid = n->uid;
	st->st_gid = n->gid;
	st->st_size = S_ISDIR(n->mode) ? (off_t)PAGE : n->size;
	st->st_blksize = PAGE;
	st->st_blocks = blocks;
	st->st_atim = n->atime;
	st->st_mtim = n->mtime;
	st->st_ctim = n->ctime;
	return 0;
}

static int ramfs_setattr(struct uk_vnode *vn, const struct uk_vattr *va)
{
	struct rnode *n = node(vn);

	if (va->mask & UK_VATTR_SIZE) {
		if (!S_ISREG(n->mode))
			return -EINVAL;
		if (va->size < n->size)
			truncate_pages(rm(vn), n, va->size);
		n->size = va->size;
		uk_vfs_now(&n->mtime);
	}
	if (va->mask & UK_VATTR_MODE)
		n->mode = (n->mode & S_IFMT) | (va->mode & 07777);
	if (va->mask & UK_VATTR_UID)
		n->uid = va->uid;
	if (va->mask & UK_VATTR_GID)
		n->gid = va->gid;
	if (va->mask & UK_VATTR_ATIME)
		n->atime = va->atime;
	if (va->mask & UK_VATTR_MTIME)
		n->mtime = va->mtime;
	uk_vfs_now(&n->ctime);
	return 0;
}

static ssize_t ramfs_readlink(struct uk_vnode *vn, char *buf, size_t len)
{
	struct rnode *n = node(vn);
	size_t l = MIN(len, (size_t)n->size);

	if (!S_ISLNK(n->mode))
		return -EINVAL;
	memcpy(buf, n->target, l);
	return l;
}

static const struct uk_vnode_ops ramfs_vops = {
	.lookup = ramfs_lookup,
	.create = ramfs_create,
	.mkdir = ramfs_mkdir,
	.symlink = ramfs_symlink,
	.link = ramfs_link,
	.unlink = ramfs_unlink,
	.rmdir = ramfs_rmdir,
	.rename = ramfs_rename,
	.readdir = ramfs_readdir,
	.getattr = ramfs_getattr,
	.setattr = ramfs_setattr,
	.readlink = ramfs_readlink,
	.read = ramfs_read,
	.write = ramfs_write,
	.release = ramfs_release,
};

/*
 * "size=N[K|M|G]" (bytes, the size grammar of every command line:
 * uk_param_parse_size()) limits the data pages; other options are
 * refused.
 */
static int parse_opts(struct rmount *m, const char *opts)
{
	const char *end;
	uint64_t v;

	while (*opts) {
		size_t n = strcspn(opts, ",");

		if (!strncmp(opts, "size=", 5)) {
			if (uk_param_parse_size(opts + 5, &end, 0, &v) < 0 ||
			    end != opts + n)
				return -EINVAL;
			m->limit = v;
		} else if (!(n == 2 && !strncmp(opts, "ro", 2)) &&
			   !(n == 2 && !strncmp(opts, "rw", 2))) {
			return -EINVAL;
		}
		opts += n;
		if (*opts)
			opts++;
	}
	return 0;
}

static int ramfs_mount(struct uk_mount *mnt, const char *source __unused,
		       const char *opts)
{
	struct rmount *m = uk_calloc(a(), 1, sizeof(*m));
	struct rnode *root;
	int rc;

	if (!m)
		return -ENOMEM;
	rc = parse_opts(m, opts);
	if (rc < 0)
		goto err_free;
	rc = -ENOMEM;
	root = node_new(m, S_IFDIR | 0755);
	if (!root)
		goto err_free;
	mnt->priv = m;
	mnt->root = vnode_for(mnt, root);
	if (!mnt->root)
		goto err_node;
	return 0;
err_node:
	uk_free(a(), root);
err_free:
	uk_free(a(), m);
	return rc;
}

static int ramfs_statfs(struct uk_mount *mnt, struct statfs *st)
{
	struct rmount *m = mnt->priv;
	size_t total = m->limit ? m->limit : m->used + PAGE * 1024;

	st->f_bsize = PAGE;
	st->f_blocks = total / PAGE;
	st->f_bfree = st->f_bavail = (total - m->used) / PAGE;
	st->f_files = m->nodes + 1024;
	st->f_ffree = 1024;
	return 0;
}

static const struct uk_fs_type ramfs_fs = {
	.name = "ramfs",
	.mount = ramfs_mount,
	.statfs = ramfs_statfs,
	.magic = RAMFS_MAGIC,
};

UK_FS_REGISTER(ramfs_fs);
