/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * File attributes: stat/statx, access, chmod/chown, utimensat, truncate,
 * statfs and umask. Kiln runs as root: access() grants reading and
 * writing (but not writing on a read-only mount) and execution when any
 * execute bit is set, as Linux does for uid 0.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <uk/errptr.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "vfs_impl.h"

static mode_t cur_umask = 022;

mode_t vfs_umask(void)
{
	return cur_umask;
}

long uk_sys_umask(mode_t mask)
{
	mode_t old = cur_umask;

	cur_umask = mask & 0777;
	return old;
}

/* The object of an *at() call with AT_EMPTY_PATH/AT_SYMLINK_NOFOLLOW. */
static int at_object(int dirfd, const char *path, int flags,
		     int allowed, struct nameidata *nd)
{
	if (flags & ~allowed)
		return -EINVAL;
	return vfs_resolve(dirfd, path,
			   at_follow(flags) |
				   (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0),
			   nd);
}

long uk_sys_newfstatat(int dirfd, const char *path, struct stat *st,
		       int flags)
{
	struct nameidata nd;
	long rc;

	if (!st)
		return -EFAULT;
	rc = at_object(dirfd, path, flags,
		       AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT,
		       &nd);
	if (rc < 0)
		return rc;
	rc = vfs_getattr(nd.vn, st);
	nd_put(&nd);
	return rc;
}

static void ts_x(struct statx_timestamp *x, const struct timespec *t)
{
	x->tv_sec = t->tv_sec;
	x->tv_nsec = t->tv_nsec;
}

long uk_sys_statx(int dirfd, const char *path, int flags,
		  unsigned int mask __unused, struct statx *stx)
{
	struct nameidata nd;
	struct stat st;
	long rc;

	if (!stx)
		return -EFAULT;
	/* The AT_STATX_* sync flags (0x6000) change nothing here. */
	rc = at_object(dirfd, path, flags,
		       AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT |
			       0x6000,
		       &nd);
	if (rc < 0)
		return rc;
	rc = vfs_getattr(nd.vn, &st);
	nd_put(&nd);
	if (rc < 0)
		return rc;
	memset(stx, 0, sizeof(*stx));
	stx->stx_mask = STATX_BASIC_STATS;
	stx->stx_blksize = st.st_blksize;
	stx->stx_nlink = st.st_nlink;
	stx->stx_uid = st.st_uid;
	stx->stx_gid = st.st_gid;
	stx->stx_mode = st.st_mode;
	stx->stx_ino = st.st_ino;
	stx->stx_size = st.st_size;
	stx->stx_blocks = st.st_blocks;
	ts_x(&stx->stx_atime, &st.st_atim);
	ts_x(&stx->stx_mtime, &st.st_mtim);
	ts_x(&stx->stx_ctime, &st.st_ctim);
	stx->stx_rdev_major = (st.st_rdev >> 8) & 0xfff;
	stx->stx_rdev_minor = st.st_rdev & 0xff;
	stx->stx_dev_minor = st.st_dev;
	return 0;
}

long uk_sys_faccessat2(int dirfd, const char *path, int mode, int flags)
{
	struct nameidata nd;
	struct stat st;
	long rc;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	rc = at_object(dirfd, path, flags,
		       AT_SYMLINK_NOFOLLOW | AT_EACCESS | AT_EMPTY_PATH, &nd);
	if (rc < 0)
		return rc;
	rc = vfs_getattr(nd.vn, &st);
	if (rc == 0 && (mode & W_OK) && nd.vn->type != S_IFCHR)
		rc = vfs_writable(nd.vn);
	if (rc == 0 && (mode & X_OK) && !S_ISDIR(st.st_mode) &&
	    !(st.st_mode & 0111))
		rc = -EACCES;
	nd_put(&nd);
	return rc;
}

static long setattr_at(int dirfd, const char *path, int flags, int allowed,
		       const struct uk_vattr *va)
{
	struct nameidata nd;
	long rc;

	rc = at_object(dirfd, path, flags, allowed, &nd);
	if (rc < 0)
		return rc;
	rc = vfs_setattr(nd.vn, va);
	nd_put(&nd);
	return rc;
}

static long setattr_fd(int fd, const struct uk_vattr *va)
{
	struct uk_vnode *vn = vfs_fd_vnode(fd, 0);
	long rc;

	if (PTRISERR(vn))
		return PTR2ERR(vn);
	rc = vfs_setattr(vn, va);
	uk_vnode_put(vn);
	return rc;
}

long uk_sys_fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	struct uk_vattr va = { .mask = UK_VATTR_MODE, .mode = mode & 07777 };

	/* Linux's fchmodat has no flags; AT_SYMLINK_NOFOLLOW: EOPNOTSUPP. */
	if (flags & AT_SYMLINK_NOFOLLOW)
		return -EOPNOTSUPP;
	return setattr_at(dirfd, path, flags, AT_EMPTY_PATH, &va);
}

long uk_sys_fchmod(int fd, mode_t mode)
{
	struct uk_vattr va = { .mask = UK_VATTR_MODE, .mode = mode & 07777 };

	return setattr_fd(fd, &va);
}

static void chown_attr(struct uk_vattr *va, uid_t uid, gid_t gid)
{
	va->mask = 0;
	if (uid != (uid_t)-1) {
		va->mask |= UK_VATTR_UID;
		va->uid = uid;
	}
	if (gid != (gid_t)-1) {
		va->mask |= UK_VATTR_GID;
		va->gid = gid;
	}
}

long uk_sys_fchownat(int dirfd, const char *path, uid_t uid, gid_t gid,
		     int flags)
{
	struct uk_vattr va;

	chown_attr(&va, uid, gid);
	return setattr_at(dirfd, path, flags,
			  AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &va);
}

long uk_sys_fchown(int fd, uid_t uid, gid_t gid)
{
	struct uk_vattr va;

	chown_attr(&va, uid, gid);
	return setattr_fd(fd, &va);
}

/* One utimensat time: UTIME_NOW, UTIME_OMIT or a checked value. */
static int time_attr(struct uk_vattr *va, unsigned int bit,
		     struct timespec *dst, const struct timespec *src)
{
	if (!src || src->tv_nsec == UTIME_NOW) {
		uk_vfs_now(dst);
	} else if (src->tv_nsec == UTIME_OMIT) {
		return 0;
	} else {
		if (src->tv_nsec < 0 || src->tv_nsec >= 1000000000)
			return -EINVAL;
		*dst = *src;
	}
	va->mask |= bit;
	return 0;
}

long uk_sys_utimensat(int dirfd, const char *path,
		      const struct timespec times[2], int flags)
{
	struct uk_vattr va = { 0 };
	long rc;

	rc = time_attr(&va, UK_VATTR_ATIME, &va.atime, times ? &times[0]
							    : NULL);
	if (rc == 0)
		rc = time_attr(&va, UK_VATTR_MTIME, &va.mtime,
			       times ? &times[1] : NULL);
	if (rc < 0)
		return rc;
	if (!va.mask)
		return 0;
	/* utimensat(fd, NULL, ...) is futimens(fd). */
	if (!path)
		return setattr_fd(dirfd, &va);
	return setattr_at(dirfd, path, flags,
			  AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &va);
}

static long truncate_vn(struct uk_vnode *vn, off_t len)
{
	struct uk_vattr va = { .mask = UK_VATTR_SIZE, .size = len };

	if (len < 0)
		return -EINVAL;
	if (vn->type == S_IFDIR)
		return -EISDIR;
	if (vn->type != S_IFREG)
		return -EINVAL;
	return vfs_setattr(vn, &va);
}

long uk_sys_truncate(const char *path, off_t len)
{
	struct nameidata nd;
	long rc;

	rc = vfs_resolve(AT_FDCWD, path, LOOKUP_FOLLOW, &nd);
	if (rc < 0)
		return rc;
	rc = truncate_vn(nd.vn, len);
	nd_put(&nd);
	return rc;
}

long uk_sys_ftruncate(int fd, off_t len)
{
	struct uk_file *f = uk_fdtab_get(fd);
	struct uk_vnode *vn;
	long rc;

	if (!f)
		return -EBADF;
	rc = (f->flags & O_ACCMODE) == O_RDONLY || (f->flags & O_PATH)
		     ? -EINVAL
		     : 0;
	uk_file_put(f);
	if (rc < 0)
		return rc;
	vn = vfs_fd_vnode(fd, 0);
	if (PTRISERR(vn))
		return PTR2ERR(vn);
	rc = truncate_vn(vn, len);
	uk_vnode_put(vn);
	return rc;
}

static long statfs_vn(struct uk_vnode *vn, struct statfs *st)
{
	struct uk_mount *m = vn->mount;
	long rc = 0;

	if (!st)
		return -EFAULT;
	memset(st, 0, sizeof(*st));
	if (m->fs->statfs)
		rc = m->fs->statfs(m, st);
	st->f_type = m->fs->magic;
	if (!st->f_bsize)
		st->f_bsize = 4096;
	if (!st->f_frsize)
		st->f_frsize = st->f_bsize;
	if (!st->f_namelen)
		st->f_namelen = NAME_MAX;
	st->f_fsid.__val[0] = m->dev;
	if (m->flags & UK_MOUNT_RDONLY)
		st->f_flags |= 1;	/* ST_RDONLY */
	return rc;
}

long uk_sys_statfs(const char *path, struct statfs *st)
{
	struct nameidata nd;
	long rc;

	rc = vfs_resolve(AT_FDCWD, path, LOOKUP_FOLLOW, &nd);
	if (rc < 0)
		return rc;
	rc = statfs_vn(nd.vn, st);
	nd_put(&nd);
	return rc;
}

long uk_sys_fstatfs(int fd, struct statfs *st)
{
	struct uk_vnode *vn = vfs_fd_vnode(fd, 0);
	long rc;

	if (PTRISERR(vn))
		return PTR2ERR(vn);
	rc = statfs_vn(vn, st);
	uk_vnode_put(vn);
	return rc;
}
