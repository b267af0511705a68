/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * epoll. An epoll instance is a file; each registered (fd, file) pair is
 * an item with a poll entry on its file. When the file signals, the item
 * joins the instance's ready list and the instance itself signals POLLIN,
 * which wakes epoll_wait() (it waits with uk_file_wait() on the instance)
 * and anyone polling the epoll fd. epoll_wait() re-checks each ready item:
 * level-triggered items stay on the list while they are ready (moved to
 * its end, so that busy files take turns), edge-triggered ones leave it
 * until their file signals again, one-shot ones are disabled until
 * EPOLL_CTL_MOD.
 *
 * Items are found by fd in a list: O(n) per epoll_ctl, not per event.
 * The instance holds no reference on the files: a file's release drops
 * its items (the poll entry's detach), as Linux does when the last
 * descriptor of a file closes.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/fdtab.h>
#include <uk/plat/time.h>
#include "poll_core.h"

struct epoll;

struct epitem {
	struct uk_poll_entry e;	/* on the watched file */
	struct epoll *ep;
	int fd;
	uint32_t events;	/* as given, EPOLLET/EPOLLONESHOT included */
	epoll_data_t data;
	int disabled;		/* one-shot that fired */
	int ready;		/* on the ready list */
	struct epitem *next;	/* all items */
	struct epitem *rnext, *rprev;
};

struct epoll {
	struct uk_file file;
	struct epitem *items;
	struct epitem *rfirst, *rlast;
};

static struct uk_alloc *a(void)
{
	return uk_alloc_get_default();
}

static void ready_add(struct epoll *ep, struct epitem *it)
{
	if (it->ready)
		return;
	it->ready = 1;
	it->rnext = NULL;
	it->rprev = ep->rlast;
	if (ep->rlast)
		ep->rlast->rnext = it;
	else
		ep->rfirst = it;
	ep->rlast = it;
}

static void ready_del(struct epoll *ep, struct epitem *it)
{
	if (!it->ready)
		return;
	it->ready = 0;
	if (it->rprev)
		it->rprev->rnext = it->rnext;
	else
		ep->rfirst = it->rnext;
	if (it->rnext)
		it->rnext->rprev = it->rprev;
	else
		ep->rlast = it->rprev;
}

static void item_unlink(struct epoll *ep, struct epitem *it)
{
	struct epitem **pp;

	ready_del(ep, it);
	for (pp = &ep->items; *pp; pp = &(*pp)->next) {
		if (*pp == it) {
			*pp = it->next;
			break;
		}
	}
}

static uint32_t item_revents(struct epitem *it)
{
	uint32_t want = (it->events & ~(EPOLLET | EPOLLONESHOT)) |
			EPOLLHUP | EPOLLERR;

	if (it->disabled || !it->e.file)
		return 0;
	return uk_file_poll(it->e.file) & want;
}

static void item_fn(struct uk_poll_entry *e, unsigned int events __unused)
{
	struct epitem *it = container_of(e, struct epitem, e);

	if (it->disabled)
		return;
	ready_add(it->ep, it);
	uk_file_notify(&it->ep->file, POLLIN | POLLRDNORM);
}

/* The watched file went away with the item still registered. */
static void item_detach(struct uk_poll_entry *e)
{
	struct epitem *it = container_of(e, struct epitem, e);

	item_unlink(it->ep, it);
	uk_free(a(), it);
}

static unsigned int epoll_poll(struct uk_file *f)
{
	struct epoll *ep = f->priv;
	struct epitem *it, *next;

	for (it = ep->rfirst; it; it = next) {
		next = it->rnext;
		if (item_revents(it))
			return POLLIN | POLLRDNORM;
		/* Level-triggered and no longer ready: forget it. */
		ready_del(ep, it);
	}
	return 0;
}

static void epoll_release(struct uk_file *f)
{
	struct epoll *ep = f->priv;
	struct epitem *it;

	while ((it = ep->items)) {
		uk_file_poll_del(&it->e);
		item_unlink(ep, it);
		uk_free(a(), it);
	}
	uk_free(a(), ep);
}

static const struct uk_file_ops epoll_ops = {
	.poll = epoll_poll,
	.release = epoll_release,
};

long uk_sys_epoll_create1(int flags)
{
	struct epoll *ep;
	long fd;

	if (flags & ~EPOLL_CLOEXEC)
		return -EINVAL;
	ep = uk_calloc(a(), 1, sizeof(*ep));
	if (!ep)
		return -ENOMEM;
	uk_file_init(&ep->file, &epoll_ops, ep, O_RDWR, UK_FILE_STREAM);
	fd = uk_fdtab_install(&ep->file, 0, flags & EPOLL_CLOEXEC);
	uk_file_put(&ep->file);
	return fd;
}

static struct epoll *epoll_of(struct uk_file *f)
{
	return f && f->ops == &epoll_ops ? f->priv : NULL;
}

static struct epitem *find(struct epoll *ep, int fd, struct uk_file *f)
{
	struct epitem *it;

	for (it = ep->items; it; it = it->next)
		if (it->fd == fd && it->e.file == f)
			return it;
	return NULL;
}

/* Would watching @f from @ep make a loop of epoll instances? */
static int makes_loop(struct epoll *ep, struct uk_file *f, int depth)
{
	struct epoll *inner = epoll_of(f);
	struct epitem *it;

	if (!inner)
		return 0;
	if (inner == ep || depth > 4)
		return 1;
	for (it = inner->items; it; it = it->next)
		if (makes_loop(ep, it->e.file, depth + 1))
			return 1;
	return 0;
}

static void item_arm(struct epitem *it, struct epoll_event *ev)
{
	it->events = ev->events;
	it->data = ev->data;
	it->disabled = 0;
	it->e.events = ev->events & ~(EPOLLET | EPOLLONESHOT);
	if (item_revents(it)) {
		ready_add(it->ep, it);
		uk_file_notify(&it->ep->file, POLLIN | POLLRDNORM);
	}
}

long uk_sys_epoll_ctl(int epfd, int op, int fd, struct epoll_event *ev)
{
	struct uk_file *epf, *f = NULL;
	struct epoll *ep;
	struct epitem *it;
	long rc;

	epf = uk_fdtab_get(epfd);
	if (!epf)
		return -EBADF;
	f = uk_fdtab_get(fd);
	rc = -EBADF;
	if (!f)
		goto out;
	ep = epoll_of(epf);
	rc = -EINVAL;
	if (!ep || f == epf)
		goto out;
	rc = -EFAULT;
	if (op != EPOLL_CTL_DEL && !ev)
		goto out;
	it = find(ep, fd, f);
	switch (op) {
	case EPOLL_CTL_ADD:
		rc = -EEXIST;
		if (it)
			break;
		/* Regular files are always ready: Linux refuses them. */
		rc = -EPERM;
		if (!f->ops->poll)
			break;
		rc = -ELOOP;
		if (makes_loop(ep, f, 0))
			break;
		rc = -ENOMEM;
		it = uk_calloc(a(), 1, sizeof(*it));
		if (!it)
			break;
		it->ep = ep;
		it->fd = fd;
		it->e.fn = item_fn;
		it->e.detach = item_detach;
		it->next = ep->items;
		ep->items = it;
		uk_file_poll_add(f, &it->e);
		item_arm(it, ev);
		rc = 0;
		break;
	case EPOLL_CTL_MOD:
		rc = -ENOENT;
		if (!it)
			break;
		ready_del(ep, it);
		item_arm(it, ev);
		rc = 0;
		break;
	case EPOLL_CTL_DEL:
		rc = -ENOENT;
		if (!it)
			break;
		uk_file_poll_del(&it->e);
		item_unlink(ep, it);
		uk_free(a(), it);
		rc = 0;
		break;
	default:
		rc = -EINVAL;
		break;
	}
out:
	if (f)
		uk_file_put(f);
	uk_file_put(epf);
	return rc;
}

/* Report up to @max ready items; see the top of the file for the rules. */
static int harvest(struct epoll *ep, struct epoll_event *evs, int max)
{
	struct epitem *it, *last = ep->rlast;
	uint32_t revents;
	int n = 0, end = 0;

	while (n < max && !end && (it = ep->rfirst)) {
		end = it == last;
		revents = item_revents(it);
		ready_del(ep, it);
		if (!revents)
			continue;
		evs[n].events = revents;
		evs[n].data = it->data;
		n++;
		if (it->events & EPOLLONESHOT)
			it->disabled = 1;
		else if (!(it->events & EPOLLET))
			ready_add(ep, it);	/* at the end: turns */
	}
	return n;
}

long uk_sys_epoll_wait(int epfd, struct epoll_event *evs, int maxevents,
		       int timeout_ms)
{
	struct uk_file *epf = uk_fdtab_get(epfd);
	__nsec deadline = _uk_poll_deadline_ms(timeout_ms);
	struct epoll *ep;
	long rc;

	if (!epf)
		return -EBADF;
	ep = epoll_of(epf);
	rc = -EINVAL;
	if (!ep || maxevents <= 0)
		goto out;
	rc = -EFAULT;
	if (!evs)
		goto out;
	for (;;) {
		rc = harvest(ep, evs, maxevents);
		if (rc || timeout_ms == 0)
			break;
		rc = uk_file_wait(epf, POLLIN, deadline);
		if (rc == -ETIMEDOUT) {
			rc = 0;
			break;
		}
		if (rc < 0)
			break;
	}
out:
	uk_file_put(epf);
	return rc;
}
