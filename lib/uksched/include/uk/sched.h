/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uksched: threads and the scheduler API.
 *
 * The image has one scheduler (picked in the configuration) and the boot
 * context becomes its first thread, "main", when the scheduler starts
 * (an init function of class PLAT, before libraries and tests). From then
 * on main() and every thread it creates share the CPU under the
 * scheduler's policy; with the cooperative scheduler a thread keeps the
 * CPU until it yields, sleeps, blocks or exits.
 *
 * Thread context only: interrupt handlers must not call these functions.
 * Times are monotonic nanoseconds (uk_plat_monotonic_ns()).
 */
#ifndef UK_SCHED_H
#define UK_SCHED_H

#include <uk/essentials.h>

struct uk_thread;

/* A thread's function; its return value is what uk_thread_join() gets. */
typedef void *(*uk_thread_fn_t)(void *arg);

/* Names longer than this are cut (the terminating NUL included). */
#define UK_THREAD_NAME_MAX	32
/* The smallest stack uk_thread_create() accepts. */
#define UK_THREAD_STACK_MIN	(8 * 1024)

/*
 * Create a thread that runs @fn(@arg) on a stack of @stack_size bytes (0:
 * CONFIG_LIBUKSCHED_STACK_SIZE_KB; rounded up to whole pages, of which
 * the thread's structure takes a few hundred bytes) and queue it; it
 * first runs when the current thread yields or blocks. The thread is joinable until detached.
 * @name (may be NULL) is copied.
 * @return 0 and the thread in *@out, -EINVAL when @stack_size is below
 * UK_THREAD_STACK_MIN or @fn is NULL, -ENOMEM, or -ENOSYS when no
 * scheduler runs (yet).
 */
int uk_thread_create(struct uk_thread **out, const char *name,
		     size_t stack_size, uk_thread_fn_t fn, void *arg);

/*
 * End the current thread with @retval (as if its function returned it).
 * Joiners wake up; a detached thread's memory is freed. Never returns.
 */
void uk_thread_exit(void *retval) __noreturn;

/*
 * Wait until @t has ended, store its return value in *@retval (if not
 * NULL) and free it; @t is invalid afterwards.
 * @return 0, -EDEADLK when @t is the caller, -EINVAL when @t is detached
 * or already being joined.
 */
int uk_thread_join(struct uk_thread *t, void **retval);

/*
 * Let @t free itself when it ends (at once if it has ended); it cannot be
 * joined afterwards. @return 0, or -EINVAL when already detached.
 */
int uk_thread_detach(struct uk_thread *t);

/* The running thread; NULL before the scheduler started. */
struct uk_thread *uk_thread_current(void);

/* @t's name ("" if it has none); valid as long as @t is. */
const char *uk_thread_name(const struct uk_thread *t);

/* Threads alive or not yet joined, main and idle threads included. */
unsigned int uk_sched_thread_count(void);

/* Let the other runnable threads run; returns when it is our turn. */
void uk_sched_yield(void);

/* Sleep for at least @ns nanoseconds (0: just yield). */
void uk_sched_sleep(__nsec ns);
/* Sleep until the monotonic time @deadline (a past one: just yield). */
void uk_sched_sleep_until(__nsec deadline);

/*
 * Low level, for wait primitives: block the current thread until
 * uk_thread_wake() or until @deadline (0: no deadline).
 * @return 0 when woken, -ETIMEDOUT when the deadline passed first.
 * Spurious returns are possible: callers re-check their condition (as
 * uk_waitq_wait_event() does).
 */
int uk_thread_block(__nsec deadline);

/* Make @t runnable if it is blocked; otherwise nothing happens. */
void uk_thread_wake(struct uk_thread *t);

/*
 * Work that interrupt handlers hand to thread context. A handler cannot
 * touch run queues or wait queues (thread code changes them with
 * interrupts on), so it queues a uk_sched_defer instead; the scheduler
 * runs @fn(@arg) in thread context at its next decision (a yield, a block,
 * or the idle thread right after the interrupt), where @fn may wake
 * threads, signal files or wait queues. @fn must not block.
 * The structure belongs to the caller (usually embedded in the device or
 * file that needs it); fill fn and arg once and keep it alive while
 * queued.
 */
struct uk_sched_defer {
	struct uk_sched_defer *next;
	void (*fn)(void *arg);
	void *arg;
	int queued;	/* set while in the list: queueing twice is a no-op */
};

/*
 * Queue @d to run in thread context; callable from any context,
 * interrupt handlers included. A @d already queued is not queued again
 * (its one run serves both requests).
 */
void uk_sched_defer(struct uk_sched_defer *d);

/*
 * The current thread's errno (libc's __errno_location() uses it); before
 * the scheduler starts, one variable shared by the boot code.
 */
int *uk_thread_errno_location(void);

#endif /* UK_SCHED_H */
