/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The calls that change the name space: mkdir, mknod, unlink, rmdir,
 * rename, link, symlink, and readlink. Each resolves the parent directory
 * of its last component, checks what POSIX asks that vfscore can see
 * (".", "..", types, read-only mounts, crossing mounts: EXDEV) and hands
 * the rest to the file system.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <uk/vfs_sys.h>
#include "vfs_impl.h"

#define RENAME_NOREPLACE 1

/* Resolve the parent of @path for a call that creates or removes. */
static int parent_of(int dirfd, const char *path, unsigned int flags,
		     struct nameidata *nd)
{
	int rc = vfs_resolve(dirfd, path, LOOKUP_PARENT | flags, nd);

	if (rc < 0)
		return rc;
	rc = vfs_writable(nd->dir);
	if (rc < 0)
		nd_put(nd);
	return rc;
}

long uk_sys_mkdirat(int dirfd, const char *path, mode_t mode)
{
	struct nameidata nd;
	long rc;

	rc = vfs_resolve(dirfd, path, LOOKUP_PARENT, &nd);
	if (rc < 0)
		return rc;
	if (nd.vn)
		rc = -EEXIST;
	else if ((rc = vfs_writable(nd.dir)) < 0)
		;
	else if (!nd.dir->ops->mkdir)
		rc = -EPERM;
	else
		rc = nd.dir->ops->mkdir(nd.dir, nd.last, nd.lastlen,
					S_IFDIR | (mode & 07777 & ~vfs_umask()));
	nd_put(&nd);
	return rc;
}

long uk_sys_mknodat(int dirfd, const char *path, mode_t mode,
		    dev_t dev __unused)
{
	struct uk_vnode *vn;
	struct nameidata nd;
	long rc;

	/* Regular files only: devices live in devfs, FIFOs are pipe(). */
	if ((mode & S_IFMT) && !S_ISREG(mode))
		return S_ISDIR(mode) ? -EINVAL : -EPERM;
	rc = vfs_resolve(dirfd, path, LOOKUP_PARENT, &nd);
	if (rc < 0)
		return rc;
	if (nd.vn)
		rc = -EEXIST;
	else if ((rc = vfs_writable(nd.dir)) < 0)
		;
	else if (!nd.dir->ops->create)
		rc = -EPERM;
	else {
		rc = nd.dir->ops->create(nd.dir, nd.last, nd.lastlen,
					 S_IFREG |
						 (mode & 07777 & ~vfs_umask()),
					 &vn);
		if (rc == 0)
			uk_vnode_put(vn);
	}
	nd_put(&nd);
	return rc;
}

long uk_sys_unlinkat(int dirfd, const char *path, int flags)
{
	struct nameidata nd;
	int dir = flags & AT_REMOVEDIR;
	long rc;

	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	rc = parent_of(dirfd, path, 0, &nd);
	if (rc < 0)
		return rc;
	if (!nd.vn) {
		rc = -ENOENT;
	} else if (!nd.lastlen) {
		/* ".", ".." or "/": rmdir says EINVAL/ENOTEMPTY/EBUSY. */
		rc = dir ? (nd.vn == vfs_root() ? -EBUSY : -EINVAL) : -EISDIR;
	} else if (nd.vn == nd.vn->mount->root) {
		rc = -EBUSY;	/* a mount point */
	} else if (dir) {
		rc = nd.vn->type != S_IFDIR ? -ENOTDIR
		     : nd.dir->ops->rmdir
			     ? nd.dir->ops->rmdir(nd.dir, nd.last, nd.lastlen)
			     : -EPERM;
	} else {
		rc = nd.vn->type == S_IFDIR ? -EISDIR
		     : nd.trailing_slash    ? -ENOTDIR
		     : nd.dir->ops->unlink
			     ? nd.dir->ops->unlink(nd.dir, nd.last,
						   nd.lastlen)
			     : -EPERM;
	}
	nd_put(&nd);
	return rc;
}

/* Is @anc @vn or one of its ancestors (through the lookup parents)? */
static int is_ancestor(struct uk_vnode *anc, struct uk_vnode *vn)
{
	for (; vn; vn = vn->parent)
		if (vn->mount == anc->mount && vn->ino == anc->ino)
			return 1;
	return 0;
}

long uk_sys_renameat2(int olddirfd, const char *oldpath, int newdirfd,
		      const char *newpath, unsigned int flags)
{
	struct nameidata o, n;
	long rc;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;
	rc = parent_of(olddirfd, oldpath, 0, &o);
	if (rc < 0)
		return rc;
	rc = parent_of(newdirfd, newpath, 0, &n);
	if (rc < 0)
		goto out_old;
	rc = -ENOENT;
	if (!o.vn)
		goto out;
	rc = o.lastlen ? 0 : -EBUSY;
	if (!n.lastlen)
		rc = n.vn ? -EBUSY : -ENOENT;
	if (o.vn == vfs_root() || o.vn == o.vn->mount->root ||
	    (n.vn && n.vn == n.vn->mount->root))
		rc = -EBUSY;
	if (rc < 0)
		goto out;
	rc = -EXDEV;
	if (o.dir->mount != n.dir->mount)
		goto out;
	/* The same file under both names: nothing to do. */
	rc = 0;
	if (n.vn && n.vn->ino == o.vn->ino)
		goto out;
	rc = -EEXIST;
	if (n.vn && (flags & RENAME_NOREPLACE))
		goto out;
	if (o.vn->type == S_IFDIR) {
		rc = -ENOTDIR;
		if (n.vn && n.vn->type != S_IFDIR)
			goto out;
		/* Not into itself or its own subtree. */
		rc = -EINVAL;
		if (is_ancestor(o.vn, n.dir))
			goto out;
	} else {
		rc = -EISDIR;
		if (n.vn && n.vn->type == S_IFDIR)
			goto out;
		rc = -ENOTDIR;
		if (o.trailing_slash || n.trailing_slash)
			goto out;
	}
	rc = o.dir->ops->rename ? o.dir->ops->rename(o.dir, o.last, o.lastlen,
						     n.dir, n.last, n.lastlen)
				: -EPERM;
out:
	nd_put(&n);
out_old:
	nd_put(&o);
	return rc;
}

long uk_sys_linkat(int olddirfd, const char *oldpath, int newdirfd,
		   const char *newpath, int flags)
{
	struct nameidata o, n;
	long rc;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	rc = vfs_resolve(olddirfd, oldpath,
			 (flags & AT_SYMLINK_FOLLOW ? LOOKUP_FOLLOW : 0) |
				 (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0),
			 &o);
	if (rc < 0)
		return rc;
	rc = parent_of(newdirfd, newpath, 0, &n);
	if (rc < 0)
		goto out_old;
	if (n.vn || !n.lastlen)
		rc = -EEXIST;
	else if (o.vn->type == S_IFDIR)
		rc = -EPERM;
	else if (o.vn->mount != n.dir->mount)
		rc = -EXDEV;
	else if (n.trailing_slash)
		rc = -ENOENT;
	else
		rc = n.dir->ops->link ? n.dir->ops->link(n.dir, n.last,
							 n.lastlen, o.vn)
				      : -EPERM;
	nd_put(&n);
out_old:
	nd_put(&o);
	return rc;
}

long uk_sys_symlinkat(const char *target, int newdirfd, const char *linkpath)
{
	struct nameidata n;
	long rc;

	if (!target)
		return -EFAULT;
	if (!*target)
		return -ENOENT;
	if (strnlen(target, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	rc = parent_of(newdirfd, linkpath, 0, &n);
	if (rc < 0)
		return rc;
	if (n.vn || !n.lastlen)
		rc = -EEXIST;
	else if (n.trailing_slash)
		rc = -ENOENT;
	else
		rc = n.dir->ops->symlink ? n.dir->ops->symlink(n.dir, n.last,
							       n.lastlen,
							       target)
					 : -EPERM;
	nd_put(&n);
	return rc;
}

long uk_sys_readlinkat(int dirfd, const char *path, char *buf, size_t len)
{
	struct nameidata nd;
	long rc;

	if ((ssize_t)len <= 0)
		return -EINVAL;
	rc = vfs_resolve(dirfd, path, LOOKUP_EMPTY, &nd);
	if (rc < 0)
		return rc;
	if (nd.vn->type != S_IFLNK || !nd.vn->ops->readlink)
		rc = -EINVAL;
	else if (!buf)
		rc = -EFAULT;
	else
		rc = nd.vn->ops->readlink(nd.vn, buf, len);
	nd_put(&nd);
	return rc;
}
