/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The console as a file, open on fds 0, 1 and 2 from boot (one open
 * file, as a terminal is on Linux). Output goes straight to the platform
 * console. Input is read ahead into a small buffer, so that poll() can
 * tell whether a read would block.
 *
 * The platform console has no input interrupt, so while a thread waits
 * for input a watcher thread looks at it every
 * CONFIG_LIBPOSIX_FDTAB_CONSOLE_POLL_MS and signals the file; with nobody
 * waiting the watcher sleeps on a wait queue and costs nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <uk/fdtab.h>
#include <uk/assert.h>
#include <uk/sched.h>
#include <uk/wait.h>
#include <uk/plat/console.h>

#define LOOKAHEAD 256
#define CON_EOF 0x1

static struct {
	struct uk_file f;
	char buf[LOOKAHEAD];
	unsigned int head, len;
	int state;
	struct uk_waitq watchq;
	struct uk_thread *watcher;
} con;

/* Read what is pending into the look-ahead buffer. */
static void fill(void)
{
	int n;

	if (con.len || (con.state & CON_EOF))
		return;
	con.head = 0;
	n = uk_plat_console_in(con.buf, LOOKAHEAD);
	if (n > 0)
		con.len = n;
	else if (n < 0)
		con.state |= CON_EOF;
}

static unsigned int con_poll(struct uk_file *f __unused)
{
	fill();
	if (con.len)
		return POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM;
	if (con.state & CON_EOF)
		return POLLIN | POLLRDNORM | POLLHUP | POLLOUT | POLLWRNORM;
	return POLLOUT | POLLWRNORM;
}

static void *watch_main(void *arg __unused)
{
	for (;;) {
		uk_waitq_wait_event(&con.watchq, con.f.pollers);
		uk_sched_sleep(CONFIG_LIBPOSIX_FDTAB_CONSOLE_POLL_MS *
			       UK_NSEC_PER_MSEC);
		if (con_poll(&con.f) & (POLLIN | POLLHUP))
			uk_file_notify(&con.f, POLLIN | POLLRDNORM);
	}
	return NULL;
}

static void con_watch(struct uk_file *f __unused)
{
	if (!con.watcher &&
	    uk_thread_create(&con.watcher, "console-in", 0, watch_main,
			     NULL) < 0)
		con.watcher = NULL;
	uk_waitq_wake_all(&con.watchq);
}

static ssize_t con_read(struct uk_file *f, const struct iovec *iov,
			int iovcnt, off_t *off __unused, int flags)
{
	size_t done = 0, n;
	int i, rc;

	while (!(con_poll(f) & POLLIN)) {
		if (flags & O_NONBLOCK)
			return -EAGAIN;
		rc = uk_file_wait(f, POLLIN, 0);
		if (rc < 0)
			return rc;
	}
	for (i = 0; i < iovcnt && con.len; i++) {
		n = MIN(iov[i].iov_len, con.len);
		memcpy(iov[i].iov_base, con.buf + con.head, n);
		con.head += n;
		con.len -= n;
		done += n;
	}
	return done;	/* 0 at end of input */
}

static ssize_t con_write(struct uk_file *f __unused, const struct iovec *iov,
			 int iovcnt, off_t *off __unused, int flags __unused)
{
	size_t done = 0;
	int i, rc;

	for (i = 0; i < iovcnt; i++) {
		size_t left = iov[i].iov_len;
		const char *p = iov[i].iov_base;

		while (left) {
			unsigned int chunk = MIN(left, 1U << 30);

			rc = uk_plat_console_out(p, chunk);
			if (rc < 0)
				return done ? (ssize_t)done : rc;
			p += rc;
			left -= rc;
			done += rc;
			if ((unsigned int)rc < chunk)
				return done;
		}
	}
	return done;
}

static int con_ioctl(struct uk_file *f __unused, unsigned long req,
		     void *arg)
{
	struct winsize *ws = arg;

	switch (req) {
	case TIOCGWINSZ:
		if (!ws)
			return -EFAULT;
		ws->ws_row = 24;
		ws->ws_col = 80;
		ws->ws_xpixel = ws->ws_ypixel = 0;
		return 0;
	case TCGETS:
		/* A terminal in its default mode: Linux's struct termios. */
		if (!arg)
			return -EFAULT;
		memset(arg, 0, 60);
		return 0;
	case FIONREAD:
		if (!arg)
			return -EFAULT;
		fill();
		*(int *)arg = con.len;
		return 0;
	default:
		return -ENOTTY;
	}
}

static int con_fstat(struct uk_file *f __unused, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFCHR | 0620;
	st->st_nlink = 1;
	st->st_rdev = (5 << 8) | 1;	/* /dev/console's 5:1 */
	st->st_blksize = 1024;
	return 0;
}

static void con_release(struct uk_file *f __unused)
{
	/* Static: the console outlives every descriptor. */
}

static const struct uk_file_ops con_ops = {
	.read = con_read,
	.write = con_write,
	.ioctl = con_ioctl,
	.fstat = con_fstat,
	.poll = con_poll,
	.watch = con_watch,
	.release = con_release,
};

struct uk_file *uk_console_file(void)
{
	return &con.f;
}

/*
 * A constructor, not an init: fds 0-2 must work before the init table
 * (kernel parameters' help and errors print through stdout). The fd
 * table's first slots are static, so no allocator is needed yet.
 */
static void __attribute__((constructor)) console_init(void)
{
	int fd, rc;

	uk_file_init(&con.f, &con_ops, NULL, O_RDWR, UK_FILE_STREAM);
	uk_waitq_init(&con.watchq);
	for (fd = 0; fd < 3; fd++) {
		rc = uk_fdtab_install(&con.f, fd, 0);
		UK_ASSERT(rc == fd);
	}
	/* The table holds the references; ours stays (static file). */
}
