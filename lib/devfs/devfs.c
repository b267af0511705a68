/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * devfs: the device nodes every program expects, in a flat, read-only
 * directory (usually mounted on /dev): null, zero, full, console, random
 * and urandom. Opening console gives the console's own open file (the
 * one on fds 0-2); the others are vnodes whose read/write do the device's
 * work. Numbers are Linux's, so stat() shows the usual majors/minors.
 */
#include <errno.h>
#include <string.h>
#include <uk/fdtab.h>
#include <uk/random.h>
#include <uk/vfs.h>

#define DEVFS_MAGIC 0x1373

enum { DEV_NULL, DEV_ZERO, DEV_FULL, DEV_CONSOLE, DEV_RANDOM, DEV_URANDOM,
       DEV_COUNT };

static const struct dev {
	const char *name;
	dev_t rdev;
	mode_t mode;
} devs[DEV_COUNT] = {
	[DEV_NULL] = { "null", (1 << 8) | 3, 0666 },
	[DEV_ZERO] = { "zero", (1 << 8) | 5, 0666 },
	[DEV_FULL] = { "full", (1 << 8) | 7, 0666 },
	[DEV_CONSOLE] = { "console", (5 << 8) | 1, 0620 },
	[DEV_RANDOM] = { "random", (1 << 8) | 8, 0666 },
	[DEV_URANDOM] = { "urandom", (1 << 8) | 9, 0666 },
};

#define ROOT_INO 1
#define DEV_INO(i) ((uint64_t)(i) + 2)

static const struct uk_vnode_ops dir_ops, dev_ops;

static long dev_index(struct uk_vnode *vn)
{
	return (long)(uintptr_t)vn->priv;
}

static int devfs_lookup(struct uk_vnode *dir, const char *name, size_t len,
			struct uk_vnode **out)
{
	long i;

	for (i = 0; i < DEV_COUNT; i++) {
		if (strlen(devs[i].name) == len &&
		    !memcmp(devs[i].name, name, len)) {
			*out = uk_vnode_alloc(dir->mount, &dev_ops,
					      (void *)(uintptr_t)i,
					      DEV_INO(i), S_IFCHR);
			return *out ? 0 : -ENOMEM;
		}
	}
	return -ENOENT;
}

static int devfs_readdir(struct uk_vnode *dir __unused, uint64_t *cookie,
			 uk_vfs_filldir_t fill, void *ctx)
{
	while (*cookie < DEV_COUNT + 2) {
		uint64_t c = *cookie;
		int stop;

		if (c < 2)
			stop = fill(ctx, "..", c + 1, ROOT_INO, 4, c + 1);
		else
			stop = fill(ctx, devs[c - 2].name,
				    strlen(devs[c - 2].name), DEV_INO(c - 2), 2,
				    c + 1);
		if (stop)
			break;
		*cookie = c + 1;
	}
	return 0;
}

static int dir_getattr(struct uk_vnode *vn __unused, struct stat *st)
{
	st->st_ino = ROOT_INO;
	st->st_mode = S_IFDIR | 0755;
	st->st_nlink = 2;
	return 0;
}

static int dev_getattr(struct uk_vnode *vn, struct stat *st)
{
	const struct dev *d = &devs[dev_index(vn)];

	st->st_mode = S_IFCHR | d->mode;
	st->st_nlink = 1;
	st->st_rdev = d->rdev;
	return 0;
}

static int dev_open(struct uk_vnode *vn, int flags __unused,
		    struct uk_file **devfile)
{
	if (dev_index(vn) == DEV_CONSOLE)
		*devfile = uk_file_get(uk_console_file());
	return 0;
}

static ssize_t dev_read(struct uk_vnode *vn, const struct iovec *iov,
			int iovcnt, off_t off __unused)
{
	size_t done = 0;
	int i;

	if (dev_index(vn) == DEV_NULL)
		return 0;
	for (i = 0; i < iovcnt; i++) {
		if (dev_index(vn) == DEV_RANDOM || dev_index(vn) == DEV_URANDOM)
			uk_random_fill(iov[i].iov_base, iov[i].iov_len);
		else
			memset(iov[i].iov_base, 0, iov[i].iov_len);
		done += iov[i].iov_len;
	}
	return done;
}

static ssize_t dev_write(struct uk_vnode *vn, const struct iovec *iov,
			 int iovcnt, off_t off __unused)
{
	size_t done = 0;
	int i;

	if (dev_index(vn) == DEV_FULL)
		return -ENOSPC;
	/* null and zero swallow; random takes writes and ignores them. */
	for (i = 0; i < iovcnt; i++)
		done += iov[i].iov_len;
	return done;
}

static unsigned int dev_poll(struct uk_vnode *vn __unused)
{
	return POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;
}

static const struct uk_vnode_ops dir_ops = {
	.lookup = devfs_lookup,
	.readdir = devfs_readdir,
	.getattr = dir_getattr,
};

static const struct uk_vnode_ops dev_ops = {
	.getattr = dev_getattr,
	.open = dev_open,
	.read = dev_read,
	.write = dev_write,
	.poll = dev_poll,
};

static int devfs_mount(struct uk_mount *m, const char *source __unused,
		       const char *opts __unused)
{
	m->root = uk_vnode_alloc(m, &dir_ops, NULL, ROOT_INO, S_IFDIR);
	return m->root ? 0 : -ENOMEM;
}

static const struct uk_fs_type devfs_fs = {
	.name = "devfs",
	.mount = devfs_mount,
	.magic = DEVFS_MAGIC,
};

UK_FS_REGISTER(devfs_fs);
