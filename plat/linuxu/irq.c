/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupts of a linuxu image are signals: SIGALRM is the timer, SIGIO
 * and SIGUSR1/2 are device lines (irq N is signal N). Disabling interrupts
 * blocks those signals with rt_sigprocmask(); a cached flag answers
 * uk_plat_irq_enabled() and makes nested save/restore pairs free.
 *
 * Every interrupt signal is delivered with all of them blocked (sa_mask),
 * so handlers never nest, and with the flag cleared, so that a handler
 * that calls uk_plat_irq_save()/_restore() sees the truth and does not
 * unblock signals under itself. sigreturn restores the mask, the handler
 * wrapper restores the flag.
 */
#include <errno.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>
#include <linuxu/setup.h>
#include <linuxu/signal.h>
#include <linuxu/syscall.h>

/* Signals that may ever be interrupts. */
#define IRQ_SIGNALS_ALL (K_SIGBIT(K_SIGALRM) | K_SIGBIT(K_SIGIO) |	\
			 K_SIGBIT(K_SIGUSR1) | K_SIGBIT(K_SIGUSR2))

/* Device handlers over all lines; shared lines take several entries. */
#define IRQ_MAX_HANDLERS 16

static struct {
	/* Interrupt signals in use: what disabling interrupts blocks. */
	k_sigset_t mask;
	/* 1 when mask is unblocked; changed only with the mask itself. */
	volatile int enabled;
	unsigned int nr_handlers;
	struct {
		int sig;
		uk_irq_handler_t fn;
		void *arg;
	} handlers[IRQ_MAX_HANDLERS];
} irq;

void uk_plat_irq_disable(void)
{
	sys_rt_sigprocmask(K_SIG_BLOCK, &irq.mask, NULL);
	irq.enabled = 0;
}

void uk_plat_irq_enable(void)
{
	/* Pending signals are delivered as the syscall returns. */
	irq.enabled = 1;
	sys_rt_sigprocmask(K_SIG_UNBLOCK, &irq.mask, NULL);
}

int uk_plat_irq_enabled(void)
{
	return irq.enabled;
}

unsigned long uk_plat_irq_save(void)
{
	unsigned long flags = irq.enabled;

	if (flags)
		uk_plat_irq_disable();
	return flags;
}

void uk_plat_irq_restore(unsigned long flags)
{
	if (flags && !irq.enabled)
		uk_plat_irq_enable();
	else if (!flags && irq.enabled)
		uk_plat_irq_disable();
}

void uk_plat_halt_irq(void)
{
	k_sigset_t cur;

	/* Tolerate a caller that broke the precondition: return disabled. */
	if (irq.enabled)
		uk_plat_irq_disable();

	/*
	 * rt_sigsuspend() swaps in a mask without the interrupt signals and
	 * sleeps in one step: a signal that became pending after the
	 * caller's last check is delivered now instead of being missed. It
	 * returns (EINTR) after one handler ran, with the old mask back.
	 * The current mask is read rather than assumed, so signals that
	 * someone else blocked stay blocked while we sleep.
	 */
	if (sys_rt_sigprocmask(K_SIG_BLOCK, NULL, &cur) < 0)
		cur = irq.mask;
	cur &= ~irq.mask;
	sys_rt_sigsuspend(&cur);
}

static void irq_dispatch(int sig, struct k_siginfo *si __unused,
			 void *uc __unused)
{
	int was_enabled = irq.enabled;
	unsigned int i;

	irq.enabled = 0;
	if (sig == K_SIGALRM) {
		_linuxu_timer_fire();
	} else {
		for (i = 0; i < irq.nr_handlers; i++)
			if (irq.handlers[i].sig == sig)
				irq.handlers[i].fn(irq.handlers[i].arg);
	}
	irq.enabled = was_enabled;
}

static int irq_install(int sig)
{
	struct k_sigaction sa = {
		.sa_handler = irq_dispatch,
		/*
		 * SA_RESTART: an interrupt must not make the host calls of
		 * drivers fail with EINTR; rt_sigsuspend() still returns.
		 */
		.sa_flags = K_SA_SIGINFO | K_SA_RESTART | K_SA_RESTORER,
		.sa_restorer = _linuxu_sigreturn,
		.sa_mask = IRQ_SIGNALS_ALL,
	};

	return sys_rt_sigaction(sig, &sa, NULL);
}

int uk_plat_irq_register(unsigned int line, uk_irq_handler_t fn, void *arg)
{
	unsigned long flags;
	int sig = line;
	int ret = 0;

	if (!fn || (sig != K_SIGIO && sig != K_SIGUSR1 && sig != K_SIGUSR2))
		return -EINVAL;

	flags = uk_plat_irq_save();
	if (irq.nr_handlers == IRQ_MAX_HANDLERS) {
		ret = -ENOMEM;
		goto out_restore;
	}
	if (!(irq.mask & K_SIGBIT(sig))) {
		ret = irq_install(sig);
		if (ret < 0)
			goto out_restore;
		irq.mask |= K_SIGBIT(sig);
		/* Interrupts are off here: the new line must be, too. */
		sys_rt_sigprocmask(K_SIG_BLOCK, &irq.mask, NULL);
	}
	irq.handlers[irq.nr_handlers].sig = sig;
	irq.handlers[irq.nr_handlers].fn = fn;
	irq.handlers[irq.nr_handlers].arg = arg;
	irq.nr_handlers++;
out_restore:
	uk_plat_irq_restore(flags);
	return ret;
}

int _linuxu_irq_init(void)
{
	long ret;

	/*
	 * The signal mask survives execve(): a parent that blocked SIGALRM
	 * would silently stop our timer. The image owns the process, so it
	 * starts from an empty mask, then blocks its interrupt signals.
	 */
	irq.mask = K_SIGBIT(K_SIGALRM) | K_SIGBIT(K_SIGIO);
	irq.enabled = 0;
	ret = sys_rt_sigprocmask(K_SIG_SETMASK, &irq.mask, NULL);
	if (ret < 0)
		return ret;

	ret = irq_install(K_SIGALRM);
	if (ret < 0)
		return ret;
	/*
	 * SIGIO kills a process by default. Handle it from the start, so a
	 * stray one before a driver registers is dropped, not fatal.
	 */
	return irq_install(K_SIGIO);
}

/* Signals have no trigger modes, and a process gets no device messages. */
int uk_plat_irq_set_trigger(unsigned int line __unused,
			    enum uk_irq_trigger trig __unused)
{
	return -ENOTSUP;
}

int uk_plat_irq_alloc_msi(uk_irq_handler_t fn __unused, void *arg __unused,
			  struct uk_irq_msi *msg __unused)
{
	return -ENOTSUP;
}

int uk_plat_irq_msi_supported(void)
{
	return 0;
}
