/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uksched, for scheduler implementers only: the thread structure, the
 * operations a scheduler provides and the helpers it uses. Users include
 * <uk/sched.h>.
 *
 * uksched owns threads (stacks, TLS, names, exit/join/detach, wait
 * queues); a scheduler owns the policy: which runnable thread runs next
 * and when a sleeping one wakes. It fills struct uk_sched_ops, calls
 * uk_sched_start() from an init function, and switches threads with
 * uk_sched_switch(). A preemptive scheduler is another library with the
 * same operations.
 */
#ifndef UK_SCHED_IMPL_H
#define UK_SCHED_IMPL_H

#include <uk/alloc.h>
#include <uk/sched.h>
#include <uk/wait.h>

enum uk_thread_state {
	UK_THREAD_RUNNABLE,	/* running, or queued to run */
	UK_THREAD_BLOCKED,	/* waiting for a wake-up or a deadline */
	UK_THREAD_EXITED,	/* ended, not yet joined or freed */
};

#define UK_THREAD_DETACHED	0x1	/* frees itself when it ends */
#define UK_THREAD_JOINING	0x2	/* a joiner waits for it */
#define UK_THREAD_BOOT		0x4	/* the boot context, on its own stack */

struct uk_sched;

struct uk_thread {
	/* Saved stack pointer while not running (the arch switch code). */
	uintptr_t sp;
	/* Thread pointer (TLS); 0 when the image has no TLS. */
	uintptr_t tp;
	enum uk_thread_state state;
	unsigned int flags;
	int errno_value;
	/* uk_thread_block(): set by the scheduler when the deadline hit. */
	int timed_out;
	/* The deadline of a blocked thread (0: none), for the scheduler. */
	__nsec deadline;
	/* The scheduler's own links (run queue, deadline structure). */
	uintptr_t sched_priv[6];

	uk_thread_fn_t fn;
	void *arg;
	void *retval;
	struct uk_waitq joiners;
	struct uk_sched *sched;

	/* Memory: pages of the stack (the thread struct is at its top). */
	void *stack;
	size_t stack_pages;
	void *tls;
	char name[UK_THREAD_NAME_MAX];
};

struct uk_sched_ops {
	/* @t was just created (RUNNABLE): queue it. */
	void (*thread_add)(struct uk_sched *s, struct uk_thread *t);
	/*
	 * The current thread stays runnable and lets the others run first.
	 */
	void (*yield)(struct uk_sched *s);
	/*
	 * The current thread (already BLOCKED) waits until wake() or
	 * @deadline (0: none); on a timeout the scheduler sets timed_out
	 * and makes it RUNNABLE. Returns when it runs again.
	 */
	void (*block)(struct uk_sched *s, __nsec deadline);
	/* @t is BLOCKED: make it RUNNABLE and queue it. */
	void (*wake)(struct uk_sched *s, struct uk_thread *t);
	/*
	 * The current thread (already EXITED) leaves for good: switch to
	 * another thread; this call never returns.
	 */
	void (*exit)(struct uk_sched *s);
};

struct uk_sched {
	const struct uk_sched_ops *ops;
	struct uk_thread *current;
	/* An ended detached thread, freed by the next thread to run. */
	struct uk_thread *reap;
	/* Where stacks, TLS areas and thread structures come from. */
	struct uk_alloc *a;
	unsigned int nr_threads;
};

/*
 * Make @s the image's scheduler, its memory from @a, and turn the running
 * context into the thread "main" (which keeps its own stack).
 * @return 0, -EBUSY when a scheduler already runs, -ENOMEM.
 */
int uk_sched_start(struct uk_sched *s, struct uk_alloc *a);

/*
 * Like uk_thread_create() on scheduler @s, but the thread is not handed
 * to the scheduler's thread_add: for a scheduler's own threads (idle).
 */
int uk_thread_create_unqueued(struct uk_sched *s, struct uk_thread **out,
			      const char *name, size_t stack_size,
			      uk_thread_fn_t fn, void *arg);

/*
 * Switch from the current thread to @next (not the current one): the
 * thread pointer, s->current and the CPU context. Returns when the
 * calling thread is switched back to.
 */
void uk_sched_switch(struct uk_sched *s, struct uk_thread *next);

/*
 * Deferred work (uk_sched_defer()) for schedulers: whether any is queued,
 * and running it (thread context, interrupts enabled). A scheduler calls
 * uk_sched_run_deferred() at each decision and checks
 * uk_sched_deferred_pending() with interrupts off before it halts.
 */
static inline int uk_sched_deferred_pending(void)
{
	extern struct uk_sched_defer *volatile _uk_sched_deferred;

	return _uk_sched_deferred != NULL;
}

void uk_sched_run_deferred(void);

#endif /* UK_SCHED_IMPL_H */
