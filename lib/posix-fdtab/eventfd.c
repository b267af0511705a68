/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * eventfd: a 64-bit counter as a file. A write adds to it (waiting while
 * the sum would pass 2^64-2), a read takes all of it, or 1 in semaphore
 * mode (waiting while it is 0). Each transfer is exactly 8 bytes.
 */
#include <errno.h>
#include <string.h>
#include <sys/eventfd.h>
#include <uk/alloc.h>
#include <uk/fdtab.h>

#define EFD_MAX 0xfffffffffffffffeULL

struct efd {
	struct uk_file f;
	uint64_t count;
	int semaphore;
};

static unsigned int efd_poll(struct uk_file *f)
{
	struct efd *e = f->priv;
	unsigned int ev = 0;

	if (e->count)
		ev |= POLLIN | POLLRDNORM;
	if (e->count < EFD_MAX)
		ev |= POLLOUT | POLLWRNORM;
	return ev;
}

static ssize_t efd_read(struct uk_file *f, const struct iovec *iov,
			int iovcnt, off_t *off __unused, int flags)
{
	struct efd *e = f->priv;
	uint64_t v;
	int rc;

	if (iovcnt < 1 || iov[0].iov_len < sizeof(v))
		return -EINVAL;
	while (!e->count) {
		if (flags & O_NONBLOCK)
			return -EAGAIN;
		rc = uk_file_wait(f, POLLIN, 0);
		if (rc < 0)
			return rc;
	}
	v = e->semaphore ? 1 : e->count;
	e->count -= v;
	memcpy(iov[0].iov_base, &v, sizeof(v));
	uk_file_notify(f, POLLOUT | POLLWRNORM);
	return sizeof(v);
}

static ssize_t efd_write(struct uk_file *f, const struct iovec *iov,
			 int iovcnt, off_t *off __unused, int flags)
{
	struct efd *e = f->priv;
	uint64_t v;
	int rc;

	if (iovcnt < 1 || iov[0].iov_len < sizeof(v))
		return -EINVAL;
	memcpy(&v, iov[0].iov_base, sizeof(v));
	if (v > EFD_MAX)
		return -EINVAL;
	while (EFD_MAX - e->count < v) {
		if (flags & O_NONBLOCK)
			return -EAGAIN;
		rc = uk_file_wait(f, POLLOUT, 0);
		if (rc < 0)
			return rc;
	}
	e->count += v;
	if (v)
		uk_file_notify(f, POLLIN | POLLRDNORM);
	return sizeof(v);
}

static int efd_fstat(struct uk_file *f __unused, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_mode = 0600;	/* an anonymous inode: no type bits */
	st->st_nlink = 1;
	st->st_blksize = 4096;
	return 0;
}

static void efd_release(struct uk_file *f)
{
	uk_free(uk_alloc_get_default(), f->priv);
}

static const struct uk_file_ops efd_ops = {
	.read = efd_read,
	.write = efd_write,
	.poll = efd_poll,
	.fstat = efd_fstat,
	.release = efd_release,
};

long uk_sys_eventfd2(unsigned int initval, int flags)
{
	struct efd *e;
	long fd;

	if (flags & ~(EFD_SEMAPHORE | EFD_CLOEXEC | EFD_NONBLOCK))
		return -EINVAL;
	e = uk_calloc(uk_alloc_get_default(), 1, sizeof(*e));
	if (!e)
		return -ENOMEM;
	e->count = initval;
	e->semaphore = flags & EFD_SEMAPHORE;
	uk_file_init(&e->f, &efd_ops, e, O_RDWR | (flags & EFD_NONBLOCK),
		     UK_FILE_STREAM);
	fd = uk_fdtab_install(&e->f, 0, flags & EFD_CLOEXEC);
	uk_file_put(&e->f);
	return fd;
}
