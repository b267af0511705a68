/* SPDX-License-Identifier: BSD-3-Clause */
/* vfscore private: path resolution, the vnode file and the mount table. */
#ifndef VFSCORE_VFS_IMPL_H
#define VFSCORE_VFS_IMPL_H

#include <limits.h>
#include <uk/vfs.h>

/* vfs_resolve() flags */
#define LOOKUP_FOLLOW	0x1	/* follow a symlink in the last component */
#define LOOKUP_PARENT	0x2	/* stop at the last component's directory */
#define LOOKUP_EMPTY	0x4	/* "" means @dirfd itself (AT_EMPTY_PATH) */

struct nameidata {
	/* LOOKUP_PARENT: the directory of the last component (a ref). */
	struct uk_vnode *dir;
	/* The object (a ref); NULL with LOOKUP_PARENT when it is missing. */
	struct uk_vnode *vn;
	/* LOOKUP_PARENT: the last component ("" for "/", "." or ".."). */
	char last[NAME_MAX + 1];
	size_t lastlen;
	int trailing_slash;	/* the path ended in '/' */
};

/*
 * Resolve @path from @dirfd (AT_FDCWD: the working directory). Without
 * LOOKUP_PARENT, nd->vn is the object or the call fails (-ENOENT ...).
 * With it, nd->dir is its directory and nd->vn the object when it exists;
 * a path whose last component is "." or ".." or that is "/" gives
 * lastlen 0 (nd->vn set, nd->dir too), which creating calls refuse.
 * Release with nd_put().
 */
int vfs_resolve(int dirfd, const char *path, unsigned int flags,
		struct nameidata *nd);
void nd_put(struct nameidata *nd);

/* The vnode an fd refers to (a ref), or -EBADF/-ENOTDIR in the pointer. */
struct uk_vnode *vfs_fd_vnode(int fd, int want_dir);

/* The mount covering (m, ino), if any. */
struct uk_mount *vfs_mount_on(struct uk_mount *m, uint64_t ino);
struct uk_vnode *vfs_root(void);
struct uk_vnode *vfs_cwd(void);	/* no reference taken */

/* Open @vn (a ref, consumed) with @flags as an fd. */
long vfs_open_vnode(struct uk_vnode *vn, int flags);

/* Writable mount? -EROFS otherwise. */
static inline int vfs_writable(struct uk_vnode *vn)
{
	return vn->mount->flags & UK_MOUNT_RDONLY ? -EROFS : 0;
}

/* The file-creation mask, and setting the working directory (a ref). */
mode_t vfs_umask(void);
void vfs_set_cwd(struct uk_vnode *vn);

int vfs_getattr(struct uk_vnode *vn, struct stat *st);
int vfs_setattr(struct uk_vnode *vn, const struct uk_vattr *va);

/* Is @path's last component to be followed for this *at() call? */
static inline unsigned int at_follow(int flags)
{
	return flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW;
}

#endif /* VFSCORE_VFS_IMPL_H */
