/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Files opened on vnodes: the uk_file ops that turn read/write/lseek/
 * fstat/getdents into vnode ops, and open() itself. A directory's file
 * position is the file system's readdir cookie, so lseek(fd, 0, SEEK_SET)
 * rewinds it as on Linux.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <uk/alloc.h>
#include <uk/errptr.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "vfs_impl.h"

struct vfile {
	struct uk_file f;
	struct uk_vnode *vn;
};

static const struct uk_file_ops vfile_ops;

static struct uk_vnode *vnode_of(struct uk_file *f)
{
	return f->ops == &vfile_ops ? ((struct vfile *)f->priv)->vn : NULL;
}

struct uk_vnode *vfs_fd_vnode(int fd, int want_dir)
{
	struct uk_file *f = uk_fdtab_get(fd);
	struct uk_vnode *vn;

	if (!f)
		return ERR2PTR(-EBADF);
	vn = vnode_of(f);
	if (vn)
		uk_vnode_get(vn);
	uk_file_put(f);
	if (!vn)	/* a pipe, socket, the console ... */
		return ERR2PTR(want_dir ? -ENOTDIR : -EINVAL);
	if (want_dir && vn->type != S_IFDIR) {
		uk_vnode_put(vn);
		return ERR2PTR(-ENOTDIR);
	}
	return vn;
}

int vfs_getattr(struct uk_vnode *vn, struct stat *st)
{
	int rc;

	memset(st, 0, sizeof(*st));
	rc = vn->ops->getattr(vn, st);
	if (rc < 0)
		return rc;
	st->st_dev = vn->mount->dev;
	if (!st->st_ino)
		st->st_ino = vn->ino;
	if (!st->st_blksize)
		st->st_blksize = 4096;
	return 0;
}

int vfs_setattr(struct uk_vnode *vn, const struct uk_vattr *va)
{
	int rc = vfs_writable(vn);

	if (rc < 0)
		return rc;
	return vn->ops->setattr ? vn->ops->setattr(vn, va) : -EPERM;
}

static ssize_t vf_read(struct uk_file *f, const struct iovec *iov,
		       int iovcnt, off_t *off, int flags __unused)
{
	struct uk_vnode *vn = vnode_of(f);
	ssize_t n;

	if (vn->type == S_IFDIR)
		return -EISDIR;
	if (!vn->ops->read)
		return -EINVAL;
	n = vn->ops->read(vn, iov, iovcnt, *off);
	if (n > 0)
		*off += n;
	return n;
}

static ssize_t vf_write(struct uk_file *f, const struct iovec *iov,
			int iovcnt, off_t *off, int flags)
{
	struct uk_vnode *vn = vnode_of(f);
	struct stat st;
	ssize_t n;
	int rc;

	if (!vn->ops->write)
		return -EINVAL;
	rc = vfs_writable(vn);
	if (rc < 0)
		return rc;
	if ((flags & O_APPEND) && vn->type == S_IFREG) {
		rc = vfs_getattr(vn, &st);
		if (rc < 0)
			return rc;
		*off = st.st_size;
	}
	n = vn->ops->write(vn, iov, iovcnt, *off);
	if (n > 0)
		*off += n;
	return n;
}

static off_t vf_seek(struct uk_file *f, off_t pos, off_t off, int whence)
{
	struct uk_vnode *vn = vnode_of(f);
	struct stat st;
	off_t npos;
	int rc;

	if (vn->type == S_IFDIR)
		return -EINVAL;	/* cookies: only SEEK_SET/SEEK_CUR */
	rc = vfs_getattr(vn, &st);
	if (rc < 0)
		return rc;
	switch (whence) {
	case SEEK_END:
		if (__builtin_add_overflow(st.st_size, off, &npos))
			return -EOVERFLOW;
		return npos < 0 ? -EINVAL : npos;
	case SEEK_DATA:
		/* No holes are reported: data runs to the end. */
		return off < 0 || off >= st.st_size ? -ENXIO : off;
	case SEEK_HOLE:
		return off < 0 || off >= st.st_size ? -ENXIO : st.st_size;
	default:
		(void)pos;
		return -EINVAL;
	}
}

static int vf_fstat(struct uk_file *f, struct stat *st)
{
	return vfs_getattr(vnode_of(f), st);
}

static unsigned int vf_poll(struct uk_file *f)
{
	struct uk_vnode *vn = vnode_of(f);

	return vn->ops->poll ? vn->ops->poll(vn)
			     : POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;
}

static int vf_ioctl(struct uk_file *f, unsigned long req, void *arg)
{
	struct uk_vnode *vn = vnode_of(f);

	return vn->ops->ioctl ? vn->ops->ioctl(vn, req, arg) : -ENOTTY;
}

static void vf_release(struct uk_file *f)
{
	struct vfile *vf = f->priv;
	struct uk_vnode *vn = vf->vn;

	if (!--vn->opencount && vn->ops->close)
		vn->ops->close(vn);
	uk_vnode_put(vn);
	uk_free(uk_alloc_get_default(), vf);
}

static const struct uk_file_ops vfile_ops = {
	.read = vf_read,
	.write = vf_write,
	.seek = vf_seek,
	.fstat = vf_fstat,
	.ioctl = vf_ioctl,
	.release = vf_release,
};

/* Devices that signal readiness get the poll op (epoll takes them). */
static const struct uk_file_ops vfile_dev_ops = {
	.read = vf_read,
	.write = vf_write,
	.seek = vf_seek,
	.fstat = vf_fstat,
	.ioctl = vf_ioctl,
	.poll = vf_poll,
	.release = vf_release,
};

#define OPEN_FILE_FLAGS (O_ACCMODE | O_APPEND | O_NONBLOCK | O_DSYNC | \
			 O_SYNC | O_DIRECT | O_NOATIME | O_PATH | O_ASYNC)

long vfs_open_vnode(struct uk_vnode *vn, int flags)
{
	struct uk_file *dev = NULL;
	struct vfile *vf;
	long rc;

	if (vn->ops->open && !(flags & O_PATH)) {
		rc = vn->ops->open(vn, flags, &dev);
		if (rc < 0)
			goto out_put;
	}
	if (dev) {
		/* The device's own file (the console) stands in. */
		rc = uk_fdtab_install(dev, 0, flags & O_CLOEXEC);
		uk_file_put(dev);
		goto out_put;
	}
	vf = uk_calloc(uk_alloc_get_default(), 1, sizeof(*vf));
	rc = -ENOMEM;
	if (!vf)
		goto out_close;
	vf->vn = vn;
	vn->opencount++;
	uk_file_init(&vf->f,
		     vn->type == S_IFCHR && vn->ops->poll ? &vfile_dev_ops
							  : &vfile_ops,
		     vf, flags & OPEN_FILE_FLAGS, 0);
	if (flags & O_PATH)
		vf->f.flags = O_PATH | 3;	/* neither read nor write */
	rc = uk_fdtab_install(&vf->f, 0, flags & O_CLOEXEC);
	uk_file_put(&vf->f);	/* the table's ref, or release on error */
	return rc;
out_close:
	if (vn->ops->close && !vn->opencount)
		vn->ops->close(vn);
out_put:
	uk_vnode_put(vn);
	return rc;
}

long uk_sys_openat(int dirfd, const char *path, int flags, mode_t mode)
{
	struct nameidata nd;
	struct uk_vnode *vn;
	struct uk_vattr va;
	int acc = flags & O_ACCMODE, rc;
	unsigned int lf = LOOKUP_PARENT;

	if ((flags & O_TMPFILE) == O_TMPFILE)
		return -EOPNOTSUPP;
	if (acc == 3 && !(flags & O_PATH))
		return -EINVAL;
	if (!(flags & O_NOFOLLOW))
		lf |= LOOKUP_FOLLOW;
	rc = vfs_resolve(dirfd, path, lf, &nd);
	if (rc < 0)
		return rc;
	vn = nd.vn;
	if (!vn) {
		/* Missing: create it, unless the path named a directory. */
		rc = -ENOENT;
		if (!(flags & O_CREAT))
			goto out;
		rc = -EISDIR;
		if (nd.trailing_slash)
			goto out;
		rc = vfs_writable(nd.dir);
		if (rc < 0)
			goto out;
		rc = -EPERM;
		if (!nd.dir->ops->create)
			goto out;
		rc = nd.dir->ops->create(nd.dir, nd.last, nd.lastlen,
					 S_IFREG | (mode & 07777 & ~vfs_umask()),
					 &vn);
		if (rc < 0)
			goto out;
		if (!vn->parent) {
			vn->parent = uk_vnode_get(nd.dir);
			vn->name = NULL;
		}
		nd.vn = vn;
	} else {
		rc = -EEXIST;
		if ((flags & O_CREAT) && (flags & O_EXCL))
			goto out;
		rc = -ELOOP;
		if (vn->type == S_IFLNK && !(flags & O_PATH))
			goto out;	/* O_NOFOLLOW on a symlink */
		rc = -EISDIR;
		if (vn->type == S_IFDIR &&
		    ((flags & O_CREAT) || acc != O_RDONLY) &&
		    !(flags & O_PATH))
			goto out;
		rc = -ENOTDIR;
		if ((flags & O_DIRECTORY) && vn->type != S_IFDIR)
			goto out;
		if (acc != O_RDONLY && !(flags & O_PATH)) {
			rc = vfs_writable(vn);
			if (rc < 0 && vn->type != S_IFCHR)
				goto out;
		}
		if ((flags & O_TRUNC) && acc != O_RDONLY &&
		    vn->type == S_IFREG) {
			va = (struct uk_vattr){ .mask = UK_VATTR_SIZE };
			rc = vfs_setattr(vn, &va);
			if (rc < 0)
				goto out;
		}
	}
	nd.vn = NULL;
	nd_put(&nd);
	return vfs_open_vnode(vn, flags);
out:
	nd_put(&nd);
	return rc;
}

long uk_sys_open(const char *path, int flags, mode_t mode)
{
	return uk_sys_openat(AT_FDCWD, path, flags, mode);
}

long uk_sys_fsync(int fd)
{
	struct uk_vnode *vn = vfs_fd_vnode(fd, 0);
	long rc;

	if (PTRISERR(vn))
		return PTR2ERR(vn);
	rc = vn->ops->fsync ? vn->ops->fsync(vn, 0) : 0;
	uk_vnode_put(vn);
	return rc;
}

long uk_sys_fdatasync(int fd)
{
	struct uk_vnode *vn = vfs_fd_vnode(fd, 0);
	long rc;

	if (PTRISERR(vn))
		return PTR2ERR(vn);
	rc = vn->ops->fsync ? vn->ops->fsync(vn, 1) : 0;
	uk_vnode_put(vn);
	return rc;
}

struct dirent_ctx {
	char *buf;
	size_t len, pos;
	int full;
};

static int fill_dirent64(void *p, const char *name, size_t len,
			 uint64_t ino, unsigned char type,
			 uint64_t next_cookie)
{
	struct dirent_ctx *c = p;
	size_t reclen = ALIGN_UP(8 + 8 + 2 + 1 + len + 1, 8);
	char *r;

	if (c->pos + reclen > c->len) {
		c->full = 1;
		return 1;
	}
	r = c->buf + c->pos;
	memcpy(r, &ino, 8);
	memcpy(r + 8, &next_cookie, 8);
	r[16] = reclen & 0xff;
	r[17] = reclen >> 8;
	r[18] = type;
	memcpy(r + 19, name, len);
	memset(r + 19 + len, 0, reclen - 19 - len);
	c->pos += reclen;
	return 0;
}

long uk_sys_getdents64(int fd, void *buf, size_t len)
{
	struct uk_file *f = uk_fdtab_get(fd);
	struct dirent_ctx c = { .buf = buf, .len = len };
	struct uk_vnode *vn;
	uint64_t cookie;
	long rc;

	if (!f)
		return -EBADF;
	vn = vnode_of(f);
	rc = -ENOTDIR;
	if (!vn || vn->type != S_IFDIR)
		goto out;
	rc = -EFAULT;
	if (!buf)
		goto out;
	uk_mutex_lock(&f->pos_lock);
	cookie = f->pos;
	rc = vn->ops->readdir ? vn->ops->readdir(vn, &cookie, fill_dirent64,
						 &c)
			      : -ENOTDIR;
	f->pos = cookie;
	uk_mutex_unlock(&f->pos_lock);
	if (rc >= 0)
		rc = c.pos;
	/* Not even one entry fitted. */
	if (rc == 0 && c.full)
		rc = -EINVAL;
out:
	uk_file_put(f);
	return rc;
}
