/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Threads: creation (one page allocation holds the stack and, at its top,
 * the thread structure; a second one the TLS area when the program has
 * __thread variables), the start and end of a thread, join and detach.
 *
 * A thread cannot free the stack it runs on. A joinable thread that ends
 * stays EXITED until its joiner frees it from another stack; a detached
 * one leaves itself in sched->reap and the next thread to run frees it,
 * right after the switch (uk_sched_switch(), thread_start()).
 */
#include <errno.h>
#include <string.h>
#include <uk/assert.h>
#include <uk/sched_impl.h>
#include <sched_arch.h>
#include "thread.h"
#include "tls.h"

#define STACK_DEFAULT ((size_t)CONFIG_LIBUKSCHED_STACK_SIZE_KB << 10)

static void set_name(struct uk_thread *t, const char *name)
{
	if (!name)
		name = "";
	strncpy(t->name, name, sizeof(t->name) - 1);
	t->name[sizeof(t->name) - 1] = '\0';
}

/* Give @t its TLS area, if the program has TLS; 0 or -ENOMEM. */
static int tls_alloc(struct uk_sched *s, struct uk_thread *t)
{
	struct uk_tls_tmpl tmpl;

	if (!_uk_tls_template(&tmpl))
		return 0;
	t->tls = uk_memalign(s->a, _uk_arch_tls_area_align(&tmpl),
			     _uk_arch_tls_area_size(&tmpl));
	if (!t->tls)
		return -ENOMEM;
	t->tp = _uk_arch_tls_init(t->tls, &tmpl);
	return 0;
}

static void thread_free(struct uk_sched *s, struct uk_thread *t)
{
	s->nr_threads--;
	uk_free(s->a, t->tls);
	if (t->flags & UK_THREAD_BOOT)
		uk_free(s->a, t);
	else
		uk_pfree(s->a, t->stack, t->stack_pages);
}

void _uk_thread_reap(struct uk_sched *s)
{
	struct uk_thread *t = s->reap;

	s->reap = NULL;
	UK_ASSERT(t != s->current);
	thread_free(s, t);
}

/* The first function of every thread, on its new stack. */
static void __noreturn thread_start(void *arg)
{
	struct uk_thread *t = arg;

	if (unlikely(t->sched->reap))
		_uk_thread_reap(t->sched);
	uk_thread_exit(t->fn(t->arg));
}

int uk_thread_create_unqueued(struct uk_sched *s, struct uk_thread **out,
			      const char *name, size_t stack_size,
			      uk_thread_fn_t fn, void *arg)
{
	size_t tsize = ALIGN_UP(sizeof(struct uk_thread), 64), pages;
	struct uk_thread *t;
	void *stack;
	int rc;

	if (!s)
		return -ENOSYS;
	if (!stack_size)
		stack_size = STACK_DEFAULT;
	if (stack_size < UK_THREAD_STACK_MIN || !fn)
		return -EINVAL;
	if (stack_size > UK_ALLOC_MAX_SIZE)
		return -ENOMEM;
	/* The structure takes its few hundred bytes from the stack's. */
	pages = (stack_size + UK_ALLOC_PAGE_SIZE - 1) >> UK_ALLOC_PAGE_SHIFT;
	stack = uk_palloc(s->a, pages);
	if (!stack)
		return -ENOMEM;

	/* The structure at the top: an overflow hits the bottom first. */
	t = (struct uk_thread *)((char *)stack +
				 (pages << UK_ALLOC_PAGE_SHIFT) - tsize);
	memset(t, 0, sizeof(*t));
	t->stack = stack;
	t->stack_pages = pages;
	t->sched = s;
	t->fn = fn;
	t->arg = arg;
	t->state = UK_THREAD_RUNNABLE;
	uk_waitq_init(&t->joiners);
	set_name(t, name);
	rc = tls_alloc(s, t);
	if (rc < 0)
		goto err_free_stack;
	t->sp = _uk_arch_ctx_init((uintptr_t)t, thread_start, t);
	s->nr_threads++;
	*out = t;
	return 0;

err_free_stack:
	uk_pfree(s->a, stack, pages);
	return rc;
}

int uk_thread_create(struct uk_thread **out, const char *name,
		     size_t stack_size, uk_thread_fn_t fn, void *arg)
{
	struct uk_sched *s = _uk_sched_get();
	int rc;

	rc = uk_thread_create_unqueued(s, out, name, stack_size, fn, arg);
	if (rc < 0)
		return rc;
	s->ops->thread_add(s, *out);
	return 0;
}

int _uk_thread_adopt_boot(struct uk_sched *s, struct uk_thread **out)
{
	struct uk_thread *t;
	int rc;

	t = uk_calloc(s->a, 1, sizeof(*t));
	if (!t)
		return -ENOMEM;
	t->sched = s;
	t->state = UK_THREAD_RUNNABLE;
	t->flags = UK_THREAD_BOOT;
	uk_waitq_init(&t->joiners);
	set_name(t, "main");
	rc = tls_alloc(s, t);
	if (rc < 0) {
		uk_free(s->a, t);
		return rc;
	}
	*out = t;
	return 0;
}

void uk_thread_exit(void *retval)
{
	struct uk_sched *s = _uk_sched_get();
	struct uk_thread *t;

	UK_BUGON(!s);
	t = s->current;
	t->retval = retval;
	t->state = UK_THREAD_EXITED;
	uk_waitq_wake_all(&t->joiners);
	/* The boot stack is not ours to free: main stays a zombie. */
	if ((t->flags & UK_THREAD_DETACHED) && !(t->flags & UK_THREAD_BOOT))
		s->reap = t;
	s->ops->exit(s);
	UK_CRASH("thread %s ran again after it exited", t->name);
}

int uk_thread_join(struct uk_thread *t, void **retval)
{
	struct uk_sched *s = t->sched;

	if (t == s->current)
		return -EDEADLK;
	if (t->flags & (UK_THREAD_DETACHED | UK_THREAD_JOINING))
		return -EINVAL;
	t->flags |= UK_THREAD_JOINING;
	uk_waitq_wait_event(&t->joiners, t->state == UK_THREAD_EXITED);
	if (retval)
		*retval = t->retval;
	thread_free(s, t);
	return 0;
}

int uk_thread_detach(struct uk_thread *t)
{
	if (t->flags & (UK_THREAD_DETACHED | UK_THREAD_JOINING))
		return -EINVAL;
	t->flags |= UK_THREAD_DETACHED;
	/* Already ended: nobody will free it but us. */
	if (t->state == UK_THREAD_EXITED && !(t->flags & UK_THREAD_BOOT))
		thread_free(t->sched, t);
	return 0;
}

const char *uk_thread_name(const struct uk_thread *t)
{
	return t->name;
}
