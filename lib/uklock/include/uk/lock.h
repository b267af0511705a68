/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uklock: mutex, semaphore, condition variable and spinlock.
 *
 * The blocking locks are built on uksched's wait queues and are for
 * thread context only. Under the cooperative scheduler a thread is never
 * preempted, so their short bookkeeping needs no atomics; a preemptive
 * scheduler will make these functions take its lock. Deadlines are
 * monotonic nanoseconds (uk_plat_monotonic_ns()); 0 means none.
 *
 * The spinlock is for data shared with interrupt handlers (and, later,
 * other CPUs): take it with interrupts masked (uk_spin_lock_irqsave) when
 * a handler may take it too, and never block while holding it.
 */
#ifndef UK_LOCK_H
#define UK_LOCK_H

#include <uk/essentials.h>
#include <uk/sched.h>
#include <uk/wait.h>
#include <uk/plat/irq.h>

/* ---------------------------------------------------------- mutex -- */

/* The owner may lock the mutex again; it is free after as many unlocks. */
#define UK_MUTEX_RECURSIVE	0x1

struct uk_mutex {
	struct uk_thread *owner;
	unsigned int depth;
	unsigned int flags;
	struct uk_waitq waiters;
};

#define UK_MUTEX_INITIALIZER(flags_)                                         \
	{ .owner = NULL, .depth = 0, .flags = (flags_),                      \
	  .waiters = UK_WAITQ_INITIALIZER }

/* @flags: 0 or UK_MUTEX_RECURSIVE. */
void uk_mutex_init(struct uk_mutex *m, unsigned int flags);

/*
 * Lock @m, waiting while another thread holds it. An unlock hands the
 * mutex to the longest waiter, so waiters are served in order and a
 * thread that unlocks and locks again cannot starve them.
 * @return 0, or -EDEADLK when the caller already holds a non-recursive @m.
 */
int uk_mutex_lock(struct uk_mutex *m);

/* @return 0 (locked), -EBUSY when held by someone else (or by the caller,
 * for a non-recursive @m). */
int uk_mutex_trylock(struct uk_mutex *m);

/* @return 0, or -EPERM when the caller does not hold @m. */
int uk_mutex_unlock(struct uk_mutex *m);

static inline int uk_mutex_is_locked(const struct uk_mutex *m)
{
	return m->owner != NULL;
}

/* ------------------------------------------------------ semaphore -- */

struct uk_semaphore {
	long count;
	struct uk_waitq waiters;
};

#define UK_SEMAPHORE_INITIALIZER(count_)                                     \
	{ .count = (count_), .waiters = UK_WAITQ_INITIALIZER }

void uk_semaphore_init(struct uk_semaphore *s, long count);

/* Take one unit, waiting until there is one. */
void uk_semaphore_down(struct uk_semaphore *s);

/* @return 0 (took one), or -EAGAIN when the count is 0. */
int uk_semaphore_down_try(struct uk_semaphore *s);

/* @return 0 (took one), or -ETIMEDOUT when @deadline passed first. */
int uk_semaphore_down_deadline(struct uk_semaphore *s, __nsec deadline);

/* Give one unit back, waking the longest waiter. */
void uk_semaphore_up(struct uk_semaphore *s);

/* ------------------------------------------------ condition variable -- */

struct uk_condvar {
	struct uk_waitq waiters;
};

#define UK_CONDVAR_INITIALIZER { .waiters = UK_WAITQ_INITIALIZER }

void uk_condvar_init(struct uk_condvar *cv);

/*
 * Unlock @m (held once by the caller), wait for a signal, lock @m again.
 * Wake-ups can be spurious: wait in a loop over the condition.
 * @return 0, -EPERM when the caller does not hold @m.
 */
int uk_condvar_wait(struct uk_condvar *cv, struct uk_mutex *m);

/* As uk_condvar_wait(); -ETIMEDOUT when @deadline passed (@m relocked). */
int uk_condvar_wait_deadline(struct uk_condvar *cv, struct uk_mutex *m,
			     __nsec deadline);

/* Wake one waiter / all waiters. */
void uk_condvar_signal(struct uk_condvar *cv);
void uk_condvar_broadcast(struct uk_condvar *cv);

/* ------------------------------------------------------- spinlock -- */

struct uk_spinlock {
	int locked;
};

#define UK_SPINLOCK_INITIALIZER { .locked = 0 }

static inline void uk_spin_init(struct uk_spinlock *l)
{
	l->locked = 0;
}

/* @return 1 when taken, 0 when already held. */
static inline int uk_spin_trylock(struct uk_spinlock *l)
{
	return !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE);
}

/* Tell the CPU we are spinning (saves power, helps a sibling thread). */
static inline void __uk_spin_relax(void)
{
#if defined(__x86_64__)
	__asm__ __volatile__("pause" ::: "memory");
#else
	__asm__ __volatile__("" ::: "memory");
#endif
}

static inline void uk_spin_lock(struct uk_spinlock *l)
{
	/* Spin on a plain read, so the cache line is not bounced. */
	while (!uk_spin_trylock(l))
		while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED))
			__uk_spin_relax();
}

static inline void uk_spin_unlock(struct uk_spinlock *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

static inline int uk_spin_is_locked(struct uk_spinlock *l)
{
	return __atomic_load_n(&l->locked, __ATOMIC_RELAXED);
}

/* Mask interrupts, then lock; the previous interrupt state goes in @flags. */
#define uk_spin_lock_irqsave(l, flags)                                       \
	do {                                                                 \
		(flags) = uk_plat_irq_save();                                \
		uk_spin_lock(l);                                             \
	} while (0)

#define uk_spin_unlock_irqrestore(l, flags)                                  \
	do {                                                                 \
		uk_spin_unlock(l);                                           \
		uk_plat_irq_restore(flags);                                  \
	} while (0)

#endif /* UK_LOCK_H */
