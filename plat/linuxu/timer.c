/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The one-shot timer of a linuxu image: one POSIX timer on
 * CLOCK_MONOTONIC, created at boot, that raises SIGALRM. Deadlines are
 * absolute (TIMER_ABSTIME), so a deadline already past fires at once and
 * no time is lost converting to a relative delay.
 *
 * The handler may see an extra SIGALRM: one sent by another process, or
 * an expiry that was already pending when the timer was re-armed. Like a
 * hardware timer interrupt, it must check the time rather than assume.
 */
#include <uk/plat/irq.h>
#include <uk/plat/time.h>
#include <linuxu/setup.h>
#include <linuxu/signal.h>
#include <linuxu/syscall.h>
#include <linuxu/time.h>

static struct {
	int id;
	/* 0, or the error of timer_create(), returned by every arm. */
	int err;
	uk_plat_timer_handler_t fn;
	void *arg;
} timer;

void _linuxu_timer_init(void)
{
	struct k_sigevent sev = {
		.sigev_notify = K_SIGEV_SIGNAL,
		.sigev_signo = K_SIGALRM,
	};
	long ret;

	ret = sys_timer_create(K_CLOCK_MONOTONIC, &sev, &timer.id);
	timer.err = ret < 0 ? ret : 0;
}

void _linuxu_timer_fire(void)
{
	if (timer.fn)
		timer.fn(timer.arg);
}

void uk_plat_timer_set_handler(uk_plat_timer_handler_t fn, void *arg)
{
	unsigned long flags;

	/* A signal between the two stores would call fn with a stale arg. */
	flags = uk_plat_irq_save();
	timer.fn = fn;
	timer.arg = arg;
	uk_plat_irq_restore(flags);
}

int uk_plat_timer_arm(__nsec deadline_ns)
{
	/* An all-zero it_value disarms; it_interval 0 means one shot. */
	struct k_itimerspec its = { 0 };
	long ret;

	if (timer.err)
		return timer.err;
	if (deadline_ns) {
		its.it_value.tv_sec = deadline_ns / UK_NSEC_PER_SEC;
		its.it_value.tv_nsec = deadline_ns % UK_NSEC_PER_SEC;
	}
	ret = sys_timer_settime(timer.id, K_TIMER_ABSTIME, &its, NULL);
	return ret < 0 ? ret : 0;
}
