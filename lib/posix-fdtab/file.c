/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The open-file object (uk/file.h): references, poll entries and the
 * notification walk that wakes whoever waits on a file.
 */
#include <errno.h>
#include <poll.h>
#include <uk/assert.h>
#include <uk/file.h>
#include <uk/sched.h>

void uk_file_init(struct uk_file *f, const struct uk_file_ops *ops,
		  void *priv, int flags, unsigned int kind_flags)
{
	UK_ASSERT(ops && ops->release);
	f->ops = ops;
	f->priv = priv;
	f->kind_flags = kind_flags;
	f->flags = flags;
	f->refcount = 1;
	f->pos = 0;
	uk_mutex_init(&f->pos_lock, 0);
	f->pollers = NULL;
}

void uk_file_put(struct uk_file *f)
{
	struct uk_poll_entry *e;

	UK_ASSERT(f->refcount > 0);
	if (--f->refcount)
		return;
	/* Registrations that outlive the file (epoll's) are dropped. */
	while ((e = f->pollers)) {
		uk_file_poll_del(e);
		if (e->detach)
			e->detach(e);
	}
	f->ops->release(f);
}

void uk_file_poll_add(struct uk_file *f, struct uk_poll_entry *e)
{
	e->file = f;
	e->prev = NULL;
	e->next = f->pollers;
	if (f->pollers)
		f->pollers->prev = e;
	f->pollers = e;
	if (f->ops->watch)
		f->ops->watch(f);
}

void uk_file_poll_del(struct uk_poll_entry *e)
{
	struct uk_file *f = e->file;

	if (!f)
		return;
	if (e->prev)
		e->prev->next = e->next;
	else
		f->pollers = e->next;
	if (e->next)
		e->next->prev = e->prev;
	e->next = e->prev = NULL;
	e->file = NULL;
}

void uk_file_notify(struct uk_file *f, unsigned int events)
{
	struct uk_poll_entry *e, *next;
	unsigned int match;

	/* @fn may unlink its own entry (never another's): keep next. */
	for (e = f->pollers; e; e = next) {
		next = e->next;
		match = events & (e->events | POLLHUP | POLLERR);
		if (match)
			e->fn(e, match);
	}
}

unsigned int uk_file_poll(struct uk_file *f)
{
	if (!f->ops->poll)
		return POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;
	return f->ops->poll(f);
}

struct file_waiter {
	struct uk_poll_entry e;
	struct uk_thread *thread;
	int signalled;
};

static void waiter_fn(struct uk_poll_entry *e, unsigned int events __unused)
{
	struct file_waiter *w = container_of(e, struct file_waiter, e);

	w->signalled = 1;
	uk_thread_wake(w->thread);
}

int uk_file_wait(struct uk_file *f, unsigned int events, __nsec deadline)
{
	struct file_waiter w = {
		.e = { .events = events, .fn = waiter_fn },
		.thread = uk_thread_current(),
	};
	unsigned int now;
	int rc = 0;

	events |= POLLHUP | POLLERR;
	uk_file_poll_add(f, &w.e);
	while (!((now = uk_file_poll(f)) & events)) {
		w.signalled = 0;
		rc = uk_thread_block(deadline);
		if (rc == -ETIMEDOUT && !w.signalled) {
			now = uk_file_poll(f) & events;
			break;
		}
		if (rc < 0 && rc != -ETIMEDOUT)
			break;	/* no scheduler: nobody could wake us */
	}
	uk_file_poll_del(&w.e);
	now &= events;
	return now ? (int)now : rc ? rc : -ETIMEDOUT;
}
