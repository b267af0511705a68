/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukschedcoop: a cooperative round-robin scheduler. A thread runs until it
 * yields, blocks, sleeps or exits; runnable threads wait in one FIFO run
 * queue. Sleeping threads (blocked with a deadline) sit in a pairing heap
 * ordered by deadline, so the next deadline is read in O(1) and a thread
 * is inserted or woken early in O(log n), never by scanning.
 *
 * When nothing is runnable the idle thread arms the platform timer for
 * the earliest deadline and halts until an interrupt. The timer handler
 * does nothing: interrupts never touch the run queue or the heap, so
 * thread-context code needs no interrupt masking; the idle thread (and
 * any scheduling decision) wakes the threads whose deadline has passed.
 * Other handlers that must wake a thread queue deferred work
 * (uk_sched_defer()), which every decision runs first.
 * The clock is read only while someone sleeps, so yield between threads
 * that never sleep costs no clock read.
 *
 * One CPU; no locks: nothing preempts a thread inside these functions.
 */
#include <uk/alloc.h>
#include <uk/assert.h>
#include <uk/init.h>
#include <uk/sched_impl.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>
#include "pheap.h"

#define IDLE_STACK_SIZE (16 * 1024)

/* What coop keeps in each thread's sched_priv. */
struct coop_links {
	struct uk_thread *rq_next;
	struct pheap_node sleep;
};

_Static_assert(sizeof(struct coop_links) <=
	       sizeof(((struct uk_thread *)0)->sched_priv),
	       "coop links fit in sched_priv");

static struct coop {
	struct uk_sched s;
	struct uk_thread *rq_head, *rq_tail;
	struct pheap_node *sleepers;	/* root of the deadline heap */
	struct uk_thread *idle;
} coop;

static inline struct coop_links *links(struct uk_thread *t)
{
	return (struct coop_links *)t->sched_priv;
}

static inline struct uk_thread *sleeper_thread(struct pheap_node *n)
{
	return (struct uk_thread *)((char *)n -
				    offsetof(struct coop_links, sleep) -
				    offsetof(struct uk_thread, sched_priv));
}

static inline void rq_push(struct coop *c, struct uk_thread *t)
{
	links(t)->rq_next = NULL;
	if (c->rq_tail)
		links(c->rq_tail)->rq_next = t;
	else
		c->rq_head = t;
	c->rq_tail = t;
}

static inline struct uk_thread *rq_pop(struct coop *c)
{
	struct uk_thread *t = c->rq_head;

	if (t) {
		c->rq_head = links(t)->rq_next;
		if (!c->rq_head)
			c->rq_tail = NULL;
	}
	return t;
}

/* Queue every sleeper whose deadline has passed, earliest first. */
static void wake_expired(struct coop *c)
{
	struct uk_thread *t;
	__nsec now;

	if (!c->sleepers)
		return;
	now = uk_plat_monotonic_ns();
	while (c->sleepers && c->sleepers->key <= now) {
		t = sleeper_thread(c->sleepers);
		c->sleepers = pheap_pop(c->sleepers);
		t->deadline = 0;
		t->timed_out = 1;
		t->state = UK_THREAD_RUNNABLE;
		rq_push(c, t);
	}
}

/* The current thread is queued, blocked or ended: run the next one. */
static void schedule(struct coop *c)
{
	struct uk_thread *next;

	if (uk_sched_deferred_pending())
		uk_sched_run_deferred();
	wake_expired(c);
	next = rq_pop(c);
	if (!next)
		next = c->idle;
	if (next != c->s.current)
		uk_sched_switch(&c->s, next);
}

static void coop_thread_add(struct uk_sched *s, struct uk_thread *t)
{
	rq_push((struct coop *)s, t);
}

static void coop_yield(struct uk_sched *s)
{
	struct coop *c = (struct coop *)s;

	if (uk_sched_deferred_pending())
		uk_sched_run_deferred();
	/* Alone, and nobody sleeping: nothing to give the CPU to. */
	if (!c->rq_head && !c->sleepers)
		return;
	rq_push(c, s->current);
	schedule(c);
}

static void coop_block(struct uk_sched *s, __nsec deadline)
{
	struct coop *c = (struct coop *)s;
	struct uk_thread *t = s->current;

	if (deadline) {
		t->deadline = deadline;
		links(t)->sleep.key = deadline;
		c->sleepers = pheap_insert(c->sleepers, &links(t)->sleep);
	}
	schedule(c);
}

static void coop_wake(struct uk_sched *s, struct uk_thread *t)
{
	struct coop *c = (struct coop *)s;

	if (t->deadline) {
		c->sleepers = pheap_remove(c->sleepers, &links(t)->sleep);
		t->deadline = 0;
	}
	t->state = UK_THREAD_RUNNABLE;
	rq_push(c, t);
}

static void coop_exit(struct uk_sched *s)
{
	schedule((struct coop *)s);
}

/*
 * Runs when no thread is runnable: halt until the next deadline or any
 * interrupt, then hand over to whoever became runnable.
 */
static void *idle_main(void *arg)
{
	struct coop *c = arg;
	struct uk_thread *next;
	unsigned long flags;

	for (;;) {
		uk_sched_run_deferred();
		wake_expired(c);
		if (!c->rq_head) {
			/*
			 * With interrupts off, an expiry between arming and
			 * halting stays pending and ends the halt at once;
			 * work deferred before that is seen here.
			 */
			flags = uk_plat_irq_save();
			if (!uk_sched_deferred_pending()) {
				uk_plat_timer_arm(c->sleepers ?
						  c->sleepers->key : 0);
				uk_plat_halt_irq();
			}
			uk_plat_irq_restore(flags);
			uk_sched_run_deferred();
			wake_expired(c);
		}
		next = rq_pop(c);
		if (next)
			uk_sched_switch(&c->s, next);
	}
	return NULL;
}

/* Interrupt context: the idle thread does the work (see above). */
static void coop_timer(void *arg __unused)
{
}

static const struct uk_sched_ops coop_ops = {
	.thread_add = coop_thread_add,
	.yield = coop_yield,
	.block = coop_block,
	.wake = coop_wake,
	.exit = coop_exit,
};

static int coop_init(void)
{
	int rc;

	coop.s.ops = &coop_ops;
	rc = uk_sched_start(&coop.s, uk_alloc_get_default());
	if (rc < 0)
		return rc;
	rc = uk_thread_create_unqueued(&coop.s, &coop.idle, "idle",
				       IDLE_STACK_SIZE, idle_main, &coop);
	if (rc < 0)
		return rc;
	uk_plat_timer_set_handler(coop_timer, NULL);
	return 0;
}

/* After the platform's timers, before libraries that may create threads. */
uk_initcall_class_prio(coop_init, NULL, UK_INIT_CLASS_PLAT, 9);
