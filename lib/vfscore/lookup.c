/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Path resolution. The path is walked one component at a time from the
 * root or the starting directory; ".." goes to the parent the vnode was
 * found from (a mount's root to the covered directory's parent), a
 * component that is a mount point continues on that mount's root, and a
 * symbolic link is replaced in the path by its target (at most MAXSYMLINKS
 * times in one resolution, then ELOOP). The path being walked lives in
 * one PATH_MAX buffer: an expansion that would not fit is ENAMETOOLONG,
 * as on Linux.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/errptr.h>
#include <uk/fdtab.h>
#include "vfs_impl.h"

#define MAXSYMLINKS 40

static struct uk_alloc *a(void)
{
	return uk_alloc_get_default();
}

void nd_put(struct nameidata *nd)
{
	if (nd->dir)
		uk_vnode_put(nd->dir);
	if (nd->vn)
		uk_vnode_put(nd->vn);
	nd->dir = nd->vn = NULL;
}

/* ".." of @cur (a ref, consumed); the root is its own parent. */
static struct uk_vnode *go_up(struct uk_vnode *cur)
{
	struct uk_vnode *up = cur->parent;

	if (!up)
		return cur;	/* "/" (or a vnode with no known parent) */
	uk_vnode_get(up);
	uk_vnode_put(cur);
	return up;
}

/*
 * Look @name up in @dir (a ref, kept); on success *@out is the child (a
 * ref) with its parent and name recorded, mounts crossed.
 */
static int step(struct uk_vnode *dir, const char *name, size_t len,
		struct uk_vnode **out)
{
	struct uk_vnode *vn;
	struct uk_mount *m;
	int rc;

	if (dir->type != S_IFDIR)
		return -ENOTDIR;
	if (!dir->ops->lookup)
		return -ENOTDIR;
	rc = dir->ops->lookup(dir, name, len, &vn);
	if (rc < 0)
		return rc;
	m = vfs_mount_on(vn->mount, vn->ino);
	if (m) {
		uk_vnode_put(vn);
		*out = uk_vnode_get(m->root);
		return 0;
	}
	if (!vn->parent) {
		vn->name = uk_malloc(a(), len + 1);
		if (!vn->name) {
			uk_vnode_put(vn);
			return -ENOMEM;
		}
		memcpy(vn->name, name, len);
		vn->name[len] = 0;
		vn->parent = uk_vnode_get(dir);
	}
	*out = vn;
	return 0;
}

/* Replace @p's consumed part by @target, keeping the rest @rest. */
static int splice_link(char *buf, const char *target, size_t tlen,
		       const char *rest)
{
	size_t rlen = strlen(rest);

	if (tlen + 1 + rlen >= PATH_MAX)
		return -ENAMETOOLONG;
	memmove(buf + tlen + 1, rest, rlen + 1);
	memcpy(buf, target, tlen);
	buf[tlen] = '/';
	return 0;
}

static int start_dir(int dirfd, const char *path, struct uk_vnode **out)
{
	struct uk_vnode *vn;

	if (path[0] == '/')
		vn = vfs_root();
	else if (dirfd == AT_FDCWD)
		vn = vfs_cwd();
	else {
		vn = vfs_fd_vnode(dirfd, 1);
		if (PTRISERR(vn))
			return PTR2ERR(vn);
		*out = vn;
		return 0;
	}
	if (!vn)
		return -ENOENT;	/* nothing mounted */
	*out = uk_vnode_get(vn);
	return 0;
}

int vfs_resolve(int dirfd, const char *path, unsigned int flags,
		struct nameidata *nd)
{
	struct uk_vnode *cur = NULL, *next;
	char *buf, *p, *comp, *tbuf = NULL;
	int links = 0, rc, last, dots;
	size_t len;
	ssize_t tlen;

	memset(nd, 0, sizeof(*nd));
	if (!path)
		return -EFAULT;
	len = strnlen(path, PATH_MAX);
	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	if (!len && !(flags & LOOKUP_EMPTY))
		return -ENOENT;
	if (!len) {
		cur = dirfd == AT_FDCWD ? NULL : vfs_fd_vnode(dirfd, 0);
		if (!cur)
			cur = vfs_cwd() ? uk_vnode_get(vfs_cwd()) : NULL;
		if (PTRISERR(cur))
			return PTR2ERR(cur);
		if (!cur)
			return -ENOENT;
		nd->vn = cur;
		return 0;
	}
	buf = uk_malloc(a(), PATH_MAX);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, path, len + 1);
	rc = start_dir(dirfd, buf, &cur);
	if (rc < 0)
		goto out_free;
	p = buf;
	for (;;) {
		while (*p == '/')
			p++;
		if (!*p) {
			/* "/", or the path ended in slashes after a dir. */
			if (cur->type != S_IFDIR) {
				rc = -ENOTDIR;
				goto out_put;
			}
			nd->vn = cur;
			nd->trailing_slash = 1;
			if (flags & LOOKUP_PARENT)
				nd->dir = uk_vnode_get(cur);
			rc = 0;
			goto out_free;
		}
		comp = p;
		while (*p && *p != '/')
			p++;
		len = p - comp;
		if (len > NAME_MAX) {
			rc = -ENAMETOOLONG;
			goto out_put;
		}
		/* The last component: nothing but slashes after it. */
		{
			char *q = p;

			while (*q == '/')
				q++;
			last = !*q;
			if (last)
				nd->trailing_slash = q != p;
		}
		dots = (len == 1 && comp[0] == '.') ||
		       (len == 2 && comp[0] == '.' && comp[1] == '.');
		if (dots) {
			if (cur->type != S_IFDIR) {
				rc = -ENOTDIR;
				goto out_put;
			}
			if (len == 2)
				cur = go_up(cur);
			if (last) {
				nd->vn = cur;
				if (flags & LOOKUP_PARENT)
					nd->dir = uk_vnode_get(cur);
				rc = 0;
				goto out_free;
			}
			continue;
		}
		rc = step(cur, comp, len, &next);
		if (last && (flags & LOOKUP_PARENT)) {
			if (rc < 0 && rc != -ENOENT)
				goto out_put;
			memcpy(nd->last, comp, len);
			nd->last[len] = 0;
			nd->lastlen = len;
			if (rc == -ENOENT) {
				nd->dir = cur;
				rc = 0;
				goto out_free;
			}
		} else if (rc < 0) {
			goto out_put;
		}
		if (next->type == S_IFLNK &&
		    (!last || (flags & LOOKUP_FOLLOW) || nd->trailing_slash)) {
			if (++links > MAXSYMLINKS) {
				uk_vnode_put(next);
				rc = -ELOOP;
				goto out_put;
			}
			if (!tbuf)
				tbuf = uk_malloc(a(), PATH_MAX);
			rc = -ENOMEM;
			tlen = tbuf && next->ops->readlink
				       ? next->ops->readlink(next, tbuf,
							     PATH_MAX)
				       : (tbuf ? -EINVAL : -ENOMEM);
			uk_vnode_put(next);
			if (tlen < 0) {
				rc = tlen;
				goto out_put;
			}
			if (tlen == 0) {
				rc = -ENOENT;
				goto out_put;
			}
			rc = splice_link(buf, tbuf, tlen, p);
			if (rc < 0)
				goto out_put;
			p = buf;
			if (buf[0] == '/') {
				uk_vnode_put(cur);
				cur = uk_vnode_get(vfs_root());
			}
			nd->last[0] = 0;
			nd->lastlen = 0;
			continue;
		}
		if (last) {
			nd->vn = next;
			if (flags & LOOKUP_PARENT)
				nd->dir = cur;
			else
				uk_vnode_put(cur);
			if (nd->trailing_slash && next->type != S_IFDIR) {
				nd_put(nd);
				rc = -ENOTDIR;
				goto out_free;
			}
			rc = 0;
			goto out_free;
		}
		uk_vnode_put(cur);
		cur = next;
	}
out_put:
	uk_vnode_put(cur);
out_free:
	uk_free(a(), tbuf);
	uk_free(a(), buf);
	return rc;
}
