/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Pipes: a ring buffer of CONFIG_LIBPOSIX_FDTAB_PIPE_SIZE bytes between a
 * read file and a write file. Writes of up to PIPE_BUF bytes are atomic
 * (they wait for room for all of them); larger ones may be split. A read
 * with no writer left sees end of file, a write with no reader EPIPE
 * (Kiln has no SIGPIPE to raise).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/ioctl.h>
#include <uk/alloc.h>
#include <uk/fdtab.h>

#define PIPE_CAP CONFIG_LIBPOSIX_FDTAB_PIPE_SIZE

struct pipe {
	struct uk_file rf, wf;
	char *buf;
	size_t head;	/* next byte to read */
	size_t len;	/* bytes buffered */
	int readers, writers;	/* files still open on each end */
};

static struct uk_alloc *a(void)
{
	return uk_alloc_get_default();
}

static size_t room(const struct pipe *p)
{
	return PIPE_CAP - p->len;
}

static unsigned int rpoll(struct uk_file *f)
{
	struct pipe *p = f->priv;
	unsigned int ev = 0;

	if (p->len)
		ev |= POLLIN | POLLRDNORM;
	if (!p->writers)
		ev |= POLLHUP;
	return ev;
}

static unsigned int wpoll(struct uk_file *f)
{
	struct pipe *p = f->priv;

	if (!p->readers)
		return POLLERR;
	return room(p) >= MIN((size_t)PIPE_BUF, (size_t)PIPE_CAP)
		       ? POLLOUT | POLLWRNORM
		       : 0;
}

/* Copy up to @n buffered bytes to @dst. */
static size_t take(struct pipe *p, char *dst, size_t n)
{
	size_t first;

	n = MIN(n, p->len);
	first = MIN(n, PIPE_CAP - p->head);
	memcpy(dst, p->buf + p->head, first);
	memcpy(dst + first, p->buf, n - first);
	p->head = (p->head + n) % PIPE_CAP;
	p->len -= n;
	return n;
}

static size_t put(struct pipe *p, const char *src, size_t n)
{
	size_t tail, first;

	n = MIN(n, room(p));
	tail = (p->head + p->len) % PIPE_CAP;
	first = MIN(n, PIPE_CAP - tail);
	memcpy(p->buf + tail, src, first);
	memcpy(p->buf, src + first, n - first);
	p->len += n;
	return n;
}

static ssize_t pipe_read(struct uk_file *f, const struct iovec *iov,
			 int iovcnt, off_t *off __unused, int flags)
{
	struct pipe *p = f->priv;
	size_t done = 0, n;
	int i, rc;

	while (!p->len) {
		if (!p->writers)
			return 0;
		if (flags & O_NONBLOCK)
			return -EAGAIN;
		rc = uk_file_wait(f, POLLIN, 0);
		if (rc < 0)
			return rc;
	}
	for (i = 0; i < iovcnt && p->len; i++) {
		n = take(p, iov[i].iov_base, iov[i].iov_len);
		done += n;
	}
	if (done)
		uk_file_notify(&p->wf, POLLOUT | POLLWRNORM);
	return done;
}

static ssize_t pipe_write(struct uk_file *f, const struct iovec *iov,
			  int iovcnt, off_t *off __unused, int flags)
{
	struct pipe *p = f->priv;
	size_t total = 0, done = 0, n, need;
	int i, rc;
	size_t skip;

	for (i = 0; i < iovcnt; i++)
		total += iov[i].iov_len;
	if (!p->readers)
		return -EPIPE;
	if (!total)
		return 0;
	i = 0;
	skip = 0;
	while (done < total) {
		/* Atomic writes wait for room for all; others for any. */
		need = total <= PIPE_BUF ? total : 1;
		while (room(p) < need) {
			if (!p->readers)
				return done ? (ssize_t)done : -EPIPE;
			if (flags & O_NONBLOCK)
				return done ? (ssize_t)done : -EAGAIN;
			rc = uk_file_wait(f, POLLOUT, 0);
			if (rc < 0 && rc != -ETIMEDOUT)
				return done ? (ssize_t)done : rc;
			if (!p->readers)
				return done ? (ssize_t)done : -EPIPE;
		}
		while (i < iovcnt && room(p)) {
			n = put(p, (const char *)iov[i].iov_base + skip,
				iov[i].iov_len - skip);
			done += n;
			skip += n;
			if (skip == iov[i].iov_len) {
				i++;
				skip = 0;
			}
		}
		uk_file_notify(&p->rf, POLLIN | POLLRDNORM);
	}
	return done;
}

static int pipe_ioctl(struct uk_file *f, unsigned long req, void *arg)
{
	struct pipe *p = f->priv;

	if (req != FIONREAD)
		return -ENOTTY;
	if (!arg)
		return -EFAULT;
	*(int *)arg = f == &p->rf ? (int)p->len : 0;
	return 0;
}

static int pipe_fstat(struct uk_file *f __unused, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFIFO | 0600;
	st->st_nlink = 1;
	st->st_blksize = PIPE_BUF;
	return 0;
}

static void pipe_free_if_done(struct pipe *p)
{
	if (p->readers || p->writers)
		return;
	uk_free(a(), p->buf);
	uk_free(a(), p);
}

static void rrelease(struct uk_file *f)
{
	struct pipe *p = f->priv;

	p->readers = 0;
	/* Writers blocked for room learn there is nobody to read. */
	uk_file_notify(&p->wf, POLLERR);
	pipe_free_if_done(p);
}

static void wrelease(struct uk_file *f)
{
	struct pipe *p = f->priv;

	p->writers = 0;
	uk_file_notify(&p->rf, POLLHUP);
	pipe_free_if_done(p);
}

static const struct uk_file_ops pipe_rops = {
	.read = pipe_read,
	.poll = rpoll,
	.ioctl = pipe_ioctl,
	.fstat = pipe_fstat,
	.release = rrelease,
};

static const struct uk_file_ops pipe_wops = {
	.write = pipe_write,
	.poll = wpoll,
	.ioctl = pipe_ioctl,
	.fstat = pipe_fstat,
	.release = wrelease,
};

long uk_sys_pipe2(int fds[2], int flags)
{
	struct pipe *p;
	int cloexec = flags & O_CLOEXEC, nb = flags & O_NONBLOCK;
	long rfd, wfd;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	if (!fds)
		return -EFAULT;
	p = uk_calloc(a(), 1, sizeof(*p));
	if (!p)
		return -ENOMEM;
	p->buf = uk_malloc(a(), PIPE_CAP);
	if (!p->buf) {
		uk_free(a(), p);
		return -ENOMEM;
	}
	p->readers = p->writers = 1;
	uk_file_init(&p->rf, &pipe_rops, p, O_RDONLY | nb, UK_FILE_STREAM);
	uk_file_init(&p->wf, &pipe_wops, p, O_WRONLY | nb, UK_FILE_STREAM);
	rfd = uk_fdtab_install(&p->rf, 0, cloexec);
	wfd = rfd < 0 ? rfd : uk_fdtab_install(&p->wf, 0, cloexec);
	if (wfd < 0 && rfd >= 0)
		uk_sys_close(rfd);
	/* The table holds the references now (or nobody: freed here). */
	uk_file_put(&p->rf);
	uk_file_put(&p->wf);
	if (wfd < 0)
		return wfd;
	fds[0] = rfd;
	fds[1] = wfd;
	return 0;
}
