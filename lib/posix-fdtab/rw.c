/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * read/write and friends over any open file: access-mode checks, the
 * file position (under the file's position lock, so that threads sharing
 * an fd never read the same bytes twice or interleave an O_APPEND write)
 * and iovec validation. The file's ops do the transfer.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <uk/fdtab.h>

#define POS_CURRENT ((off_t)-1)	/* use and advance the file position */

static int iov_check(const struct iovec *iov, int iovcnt)
{
	size_t total = 0;
	int i;

	if (iovcnt < 0 || iovcnt > IOV_MAX)
		return -EINVAL;
	if (iovcnt && !iov)
		return -EFAULT;
	for (i = 0; i < iovcnt; i++) {
		if (iov[i].iov_len > SSIZE_MAX - total)
			return -EINVAL;
		total += iov[i].iov_len;
		if (iov[i].iov_len && !iov[i].iov_base)
			return -EFAULT;
	}
	return 0;
}

static long do_io(int fd, const struct iovec *iov, int iovcnt, off_t off,
		  int write)
{
	struct uk_file *f = uk_fdtab_get(fd);
	ssize_t (*op)(struct uk_file *, const struct iovec *, int, off_t *,
		      int);
	int acc;
	long rc;

	if (!f)
		return -EBADF;
	acc = f->flags & O_ACCMODE;
	rc = -EBADF;
	if (write ? acc == O_RDONLY : acc == O_WRONLY)
		goto out;
	rc = iov_check(iov, iovcnt);
	if (rc < 0)
		goto out;
	op = write ? f->ops->write : f->ops->read;
	rc = -EINVAL;
	if (!op)
		goto out;
	if (f->kind_flags & UK_FILE_STREAM) {
		rc = -ESPIPE;
		if (off != POS_CURRENT)
			goto out;
		rc = op(f, iov, iovcnt, NULL, f->flags);
	} else if (off == POS_CURRENT) {
		uk_mutex_lock(&f->pos_lock);
		rc = op(f, iov, iovcnt, &f->pos, f->flags);
		uk_mutex_unlock(&f->pos_lock);
	} else {
		rc = -EINVAL;
		if (off < 0)
			goto out;
		/* pwrite ignores O_APPEND's seek: Linux appends anyway. */
		rc = op(f, iov, iovcnt, &off, f->flags);
	}
out:
	uk_file_put(f);
	return rc;
}

long uk_sys_read(int fd, void *buf, size_t len)
{
	struct iovec iov = { buf, len };

	return do_io(fd, &iov, 1, POS_CURRENT, 0);
}

long uk_sys_write(int fd, const void *buf, size_t len)
{
	struct iovec iov = { (void *)buf, len };

	return do_io(fd, &iov, 1, POS_CURRENT, 1);
}

long uk_sys_readv(int fd, const struct iovec *iov, int iovcnt)
{
	return do_io(fd, iov, iovcnt, POS_CURRENT, 0);
}

long uk_sys_writev(int fd, const struct iovec *iov, int iovcnt)
{
	return do_io(fd, iov, iovcnt, POS_CURRENT, 1);
}

long uk_sys_pread64(int fd, void *buf, size_t len, off_t off)
{
	struct iovec iov = { buf, len };

	return off < 0 ? -EINVAL : do_io(fd, &iov, 1, off, 0);
}

long uk_sys_pwrite64(int fd, const void *buf, size_t len, off_t off)
{
	struct iovec iov = { (void *)buf, len };

	return off < 0 ? -EINVAL : do_io(fd, &iov, 1, off, 1);
}

long uk_sys_preadv(int fd, const struct iovec *iov, int iovcnt, off_t off)
{
	return off < 0 ? -EINVAL : do_io(fd, iov, iovcnt, off, 0);
}

long uk_sys_pwritev(int fd, const struct iovec *iov, int iovcnt, off_t off)
{
	return off < 0 ? -EINVAL : do_io(fd, iov, iovcnt, off, 1);
}

long uk_sys_lseek(int fd, off_t off, int whence)
{
	struct uk_file *f = uk_fdtab_get(fd);
	off_t npos;
	long rc;

	if (!f)
		return -EBADF;
	rc = -ESPIPE;
	if (f->kind_flags & UK_FILE_STREAM)
		goto out;
	uk_mutex_lock(&f->pos_lock);
	switch (whence) {
	case SEEK_SET:
		npos = off < 0 ? -EINVAL : off;
		break;
	case SEEK_CUR:
		if (__builtin_add_overflow(f->pos, off, &npos))
			npos = -EOVERFLOW;
		else if (npos < 0)
			npos = -EINVAL;
		break;
	default:
		/* SEEK_END, SEEK_DATA, SEEK_HOLE: the file knows its size. */
		npos = f->ops->seek ? f->ops->seek(f, f->pos, off, whence)
				    : -EINVAL;
		break;
	}
	rc = npos;
	if (npos >= 0)
		f->pos = npos;
	uk_mutex_unlock(&f->pos_lock);
out:
	uk_file_put(f);
	return rc;
}

long uk_sys_ioctl(int fd, unsigned long req, void *arg)
{
	struct uk_file *f = uk_fdtab_get(fd);
	long rc;

	if (!f)
		return -EBADF;
	switch (req) {
	case FIONBIO:
		/* The same as F_SETFL with O_NONBLOCK, for every file. */
		rc = -EFAULT;
		if (!arg)
			break;
		rc = uk_sys_fcntl(fd, F_SETFL,
				  *(int *)arg ? f->flags | O_NONBLOCK
					      : f->flags & ~O_NONBLOCK);
		break;
	case FIOCLEX:
	case FIONCLEX:
		rc = uk_sys_fcntl(fd, F_SETFD, req == FIOCLEX ? FD_CLOEXEC : 0);
		break;
	default:
		rc = f->ops->ioctl ? f->ops->ioctl(f, req, arg) : -ENOTTY;
		break;
	}
	uk_file_put(f);
	return rc;
}

long uk_sys_fstat(int fd, struct stat *st)
{
	struct uk_file *f = uk_fdtab_get(fd);
	long rc;

	if (!f)
		return -EBADF;
	if (!st)
		rc = -EFAULT;
	else if (f->ops->fstat)
		rc = f->ops->fstat(f, st);
	else
		rc = -EINVAL;
	uk_file_put(f);
	return rc;
}
