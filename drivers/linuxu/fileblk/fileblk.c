/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * fileblk: a host file (or host block device) as a ukblkdev device on
 * linuxu, one per `-d FILE[:ro]` option (uk/plat/linuxu/hostdev.h), in
 * the order given.
 *
 * Geometry: 512-byte sectors, capacity = the file's size (lseek
 * SEEK_END) / 512. A file whose size is not a multiple of 512, an empty
 * file, or one that cannot be opened or read stops the boot with a
 * message naming the file and the host's errno (exit status 2, as for
 * the platform's other bad options): the user asked for that disk, and
 * silently dropping a tail or the whole disk would hide the mistake.
 *
 * Honest about asynchrony: there is none. submit_one only puts the
 * request in the queue's ring (a bounded depth, so -EBUSY happens as on
 * real hardware); finish_reqs does the host I/O of every request queued
 * when it was called, in order, with blocking pread64/pwrite64/fsync,
 * and completes each. Nothing ever interrupts (no UK_BLKDEV_F_QUEUE_INTR):
 * callers poll. Short transfers are continued; an end of file reached
 * early (the file shrank under us) or a host error gives -EIO.
 *
 * Reads and writes go through the host page cache; a flush is fsync().
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/blkdev_driver.h>
#include <uk/init.h>
#include <uk/print.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/linuxu/hostdev.h>
#include <linuxu/syscall.h>

#define SSIZE		512
#define EXIT_USAGE	2

struct fileblk {
	struct uk_blkdev dev;
	int fd;
	int ro;
	uint64_t sectors;
	const char *path;	/* without ":ro", for messages */
	/* The one queue: a ring of requests not yet done. */
	struct uk_blkreq **ring;
	uint16_t depth, head, count;
};

#define to_fb(d) container_of(d, struct fileblk, dev)

static void fb_info_get(struct uk_blkdev *dev, struct uk_blkdev_info *info)
{
	struct fileblk *fb = to_fb(dev);

	info->sectors = fb->sectors;
	info->ssize = SSIZE;
	info->max_sectors_per_req = CONFIG_LINUXU_FILEBLK_MAX_SECTORS;
	info->max_queues = 1;
	info->ioalign = 1;	/* pread/pwrite take any buffer */
	info->flags = UK_BLKDEV_F_FLUSH |
		      (fb->ro ? UK_BLKDEV_F_READONLY : 0);
}

static int fb_queue_configure(struct uk_blkdev *dev, uint16_t queue_id __unused,
			      uint16_t nb_desc,
			      const struct uk_blkdev_queue_conf *conf)
{
	struct fileblk *fb = to_fb(dev);
	uint16_t depth = nb_desc ? nb_desc :
				   CONFIG_LINUXU_FILEBLK_QUEUE_DEPTH;

	fb->ring = uk_calloc(conf->a, depth, sizeof(*fb->ring));
	if (!fb->ring)
		return -ENOMEM;
	fb->depth = depth;
	fb->head = fb->count = 0;
	return 0;
}

static int fb_submit(struct uk_blkdev *dev, uint16_t queue_id __unused,
		     struct uk_blkreq *req)
{
	struct fileblk *fb = to_fb(dev);

	if (fb->count == fb->depth)
		return -EBUSY;
	fb->ring[(fb->head + fb->count) % fb->depth] = req;
	fb->count++;
	return 0;
}

/* The whole of @len bytes at @off, or -EIO (reason logged). */
static int fb_rw(struct fileblk *fb, int write, char *buf, uint64_t len,
		 uint64_t off)
{
	uint64_t done = 0;
	long r;

	while (done < len) {
		if (write)
			r = sys_pwrite64(fb->fd, buf + done, len - done,
					 (long)(off + done));
		else
			r = sys_pread64(fb->fd, buf + done, len - done,
					(long)(off + done));
		if (r == -EINTR)
			continue;
		if (r <= 0) {
			uk_pr_err("blkdev%u: %s: %s of %llu bytes at %llu: "
				  "%s\n",
				  fb->dev.id, fb->path,
				  write ? "write" : "read",
				  (unsigned long long)(len - done),
				  (unsigned long long)(off + done),
				  r == 0 ? "end of file" : strerror((int)-r));
			return -EIO;
		}
		done += (uint64_t)r;
	}
	return 0;
}

static int fb_do(struct fileblk *fb, struct uk_blkreq *req)
{
	long r;

	switch (req->op) {
	case UK_BLKREQ_READ:
	case UK_BLKREQ_WRITE:
		return fb_rw(fb, req->op == UK_BLKREQ_WRITE, req->buf,
			     req->nb_sectors * SSIZE,
			     req->start_sector * SSIZE);
	case UK_BLKREQ_FLUSH:
		r = sys_fsync(fb->fd);
		if (r < 0) {
			uk_pr_err("blkdev%u: %s: fsync: %s\n", fb->dev.id,
				  fb->path, strerror((int)-r));
			return -EIO;
		}
		return 0;
	}
	return -EINVAL;	/* not reached: the library checked op */
}

/*
 * Do and complete the requests queued now. Requests that callbacks
 * submit meanwhile wait for the next call, so a callback that always
 * resubmits cannot keep us here forever.
 */
static int fb_finish(struct uk_blkdev *dev, uint16_t queue_id __unused)
{
	struct fileblk *fb = to_fb(dev);
	int n = fb->count, i;

	for (i = 0; i < n; i++) {
		struct uk_blkreq *req = fb->ring[fb->head];

		fb->head = (fb->head + 1) % fb->depth;
		fb->count--;
		req->result = fb_do(fb, req);
		uk_blkdev_req_done(dev, req);
	}
	return n;
}

static const struct uk_blkdev_ops fb_ops = {
	.info_get = fb_info_get,
	.queue_configure = fb_queue_configure,
	.submit_one = fb_submit,
	.finish_reqs = fb_finish,
};

/* A disk the user named cannot be used: say why and stop. */
static void __noreturn fb_die(const char *arg, const char *what, long err)
{
	if (err)
		uk_pr_crit("fileblk: -d %s: %s: %s (errno %ld)\n", arg, what,
			   strerror((int)-err), -err);
	else
		uk_pr_crit("fileblk: -d %s: %s\n", arg, what);
	uk_plat_terminate(UK_PLAT_HALT, EXIT_USAGE);
}

static void fb_add(const char *arg)
{
	size_t len = strlen(arg);
	struct fileblk *fb;
	char *path, probe;
	long fd, size, r;
	int ro = 0;

	if (len > 3 && !strcmp(arg + len - 3, ":ro")) {
		ro = 1;
		len -= 3;
	}
	fb = uk_calloc(uk_alloc_get_default(), 1, sizeof(*fb) + len + 1);
	if (!fb)
		fb_die(arg, "out of memory", 0);
	path = (char *)(fb + 1);
	memcpy(path, arg, len);
	path[len] = '\0';

	fd = sys_open(path, (ro ? K_O_RDONLY : K_O_RDWR) | K_O_CLOEXEC, 0);
	if (fd < 0)
		fb_die(arg, "cannot open", fd);
	/* Catches a directory (EISDIR), whose "size" means nothing. */
	r = sys_pread64((int)fd, &probe, 1, 0);
	if (r < 0)
		fb_die(arg, "cannot read", r);
	size = sys_lseek((int)fd, 0, K_SEEK_END);
	if (size < 0)
		fb_die(arg, "cannot find its size", size);
	if (size == 0)
		fb_die(arg, "empty disk (0 bytes)", 0);
	if (size % SSIZE) {
		uk_pr_crit("fileblk: -d %s: size %ld is not a multiple of %d "
			   "bytes\n", arg, size, SSIZE);
		uk_plat_terminate(UK_PLAT_HALT, EXIT_USAGE);
	}

	fb->fd = (int)fd;
	fb->ro = ro;
	fb->sectors = (uint64_t)size / SSIZE;
	fb->path = path;
	fb->dev.ops = &fb_ops;
	fb->dev.drv_name = "linuxu-fileblk";
	r = uk_blkdev_register(&fb->dev);
	if (r < 0)
		fb_die(arg, "cannot register the device", r);
}

static int fileblk_init(void)
{
	const char *arg;
	unsigned int i;

	for (i = 0; (arg = uk_linuxu_hostdev(UK_LINUXU_HOSTDEV_DISK, i)); i++)
		fb_add(arg);
	return 0;
}

uk_plat_initcall(fileblk_init, NULL);
