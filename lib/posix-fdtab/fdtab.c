/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The fd table: one array of slots, grown on demand (doubling) up to
 * CONFIG_LIBPOSIX_FDTAB_MAX, so a small image pays for the descriptors it
 * uses. The first slots are static, so that the console's fds exist from
 * the constructors on, before the allocator (kernel parameters and early
 * inits may print). Each slot holds a reference to its file and the close-on-exec
 * bit; the lowest free slot is found by a scan from a hint, as POSIX's
 * "lowest available" rule needs.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/fdtab.h>
#include <uk/print.h>

struct fd_slot {
	struct uk_file *file;
	int cloexec;
};

#define STATIC_SLOTS 16

static struct fd_slot static_slots[STATIC_SLOTS];

static struct {
	struct fd_slot *slots;
	int size;	/* slots allocated */
	int free_hint;	/* no free slot below it */
} tab = { static_slots, STATIC_SLOTS, 0 };

int uk_fdtab_limit(void)
{
	return CONFIG_LIBPOSIX_FDTAB_MAX;
}

/* Make slot @fd exist. */
static int grow(int fd)
{
	struct fd_slot *n;
	int size = tab.size;

	while (size <= fd)
		size *= 2;
	if (size > CONFIG_LIBPOSIX_FDTAB_MAX)
		size = CONFIG_LIBPOSIX_FDTAB_MAX;
	if (tab.slots == static_slots) {
		n = uk_malloc(uk_alloc_get_default(), size * sizeof(*n));
		if (n)
			memcpy(n, static_slots, sizeof(static_slots));
	} else {
		n = uk_realloc(uk_alloc_get_default(), tab.slots,
			       size * sizeof(*n));
	}
	if (!n)
		return -ENOMEM;
	memset(&n[tab.size], 0, (size - tab.size) * sizeof(*n));
	tab.slots = n;
	tab.size = size;
	return 0;
}

/* Put @f (a new reference is taken) in the free slot @fd. */
static int set_slot(int fd, struct uk_file *f, int cloexec)
{
	int rc;

	if (fd >= tab.size) {
		rc = grow(fd);
		if (rc < 0)
			return rc;
	}
	tab.slots[fd].file = uk_file_get(f);
	tab.slots[fd].cloexec = !!cloexec;
	return fd;
}

int uk_fdtab_install(struct uk_file *f, int min, int cloexec)
{
	int fd;

	if (min < 0 || min >= CONFIG_LIBPOSIX_FDTAB_MAX)
		return -EINVAL;
	fd = MAX(min, tab.free_hint);
	while (fd < tab.size && tab.slots[fd].file)
		fd++;
	if (fd >= CONFIG_LIBPOSIX_FDTAB_MAX)
		return -EMFILE;
	if (min <= tab.free_hint)
		tab.free_hint = fd + 1;
	return set_slot(fd, f, cloexec);
}

struct uk_file *uk_fdtab_get(int fd)
{
	if (fd < 0 || fd >= tab.size || !tab.slots[fd].file)
		return NULL;
	return uk_file_get(tab.slots[fd].file);
}

/* Empty slot @fd; returns its file (the slot's reference) or NULL. */
static struct uk_file *clear_slot(int fd)
{
	struct uk_file *f;

	if (fd < 0 || fd >= tab.size || !tab.slots[fd].file)
		return NULL;
	f = tab.slots[fd].file;
	tab.slots[fd].file = NULL;
	if (fd < tab.free_hint)
		tab.free_hint = fd;
	return f;
}

long uk_sys_close(int fd)
{
	struct uk_file *f = clear_slot(fd);

	if (!f)
		return -EBADF;
	uk_file_put(f);
	return 0;
}

long uk_sys_dup(int fd)
{
	struct uk_file *f = uk_fdtab_get(fd);
	long rc;

	if (!f)
		return -EBADF;
	rc = uk_fdtab_install(f, 0, 0);
	uk_file_put(f);
	return rc;
}

long uk_sys_dup3(int oldfd, int newfd, int flags)
{
	struct uk_file *f, *old;
	long rc;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd < 0 || newfd >= CONFIG_LIBPOSIX_FDTAB_MAX)
		return -EBADF;
	f = uk_fdtab_get(oldfd);
	if (!f)
		return -EBADF;
	/* Replace atomically: newfd is never seen closed in between. */
	old = clear_slot(newfd);
	rc = set_slot(newfd, f, flags & O_CLOEXEC);
	if (rc >= 0 && newfd == tab.free_hint)
		tab.free_hint++;
	uk_file_put(f);
	if (old)
		uk_file_put(old);
	return rc;
}

long uk_sys_dup2(int oldfd, int newfd)
{
	struct uk_file *f;

	if (oldfd != newfd)
		return uk_sys_dup3(oldfd, newfd, 0);
	f = uk_fdtab_get(oldfd);
	if (!f)
		return -EBADF;
	uk_file_put(f);
	return newfd;
}

/* The flags F_SETFL may change; the others are kept. */
#define SETFL_MASK (O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT | O_NOATIME)

long uk_sys_fcntl(int fd, int cmd, unsigned long arg)
{
	struct uk_file *f = uk_fdtab_get(fd);
	long rc = 0;
	int nflags;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if ((long)arg < 0 || arg >= CONFIG_LIBPOSIX_FDTAB_MAX) {
			rc = -EINVAL;
			break;
		}
		rc = uk_fdtab_install(f, (int)arg, cmd == F_DUPFD_CLOEXEC);
		break;
	case F_GETFD:
		rc = tab.slots[fd].cloexec ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		tab.slots[fd].cloexec = !!(arg & FD_CLOEXEC);
		break;
	case F_GETFL:
		rc = f->flags;
		break;
	case F_SETFL:
		nflags = (f->flags & ~SETFL_MASK) | ((int)arg & SETFL_MASK);
		if (f->ops->setfl)
			rc = f->ops->setfl(f, nflags);
		if (rc == 0)
			f->flags = nflags;
		break;
	default:
		rc = -EINVAL;
		break;
	}
	uk_file_put(f);
	return rc;
}
