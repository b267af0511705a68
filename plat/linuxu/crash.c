/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The crash screen of a linuxu image. A fault (SIGSEGV, SIGBUS, SIGILL,
 * SIGFPE, SIGTRAP) or an abort signal prints the signal, its code, the
 * fault address and the registers of the faulting context to the console
 * (stdout, where ukdebug's backtrace and every kernel message go too, so
 * the report stays in one stream), then a frame-pointer backtrace when
 * ukdebug is in the image, and exits with
 * UK_CRASH_STATUS. It runs on an alternate stack so that a stack overflow
 * is reported too, and prints with rawprint only: the heap, the console
 * library or printf may be what crashed.
 */
#include <uk/plat/lifecycle.h>
#include <linuxu/io.h>
#include <linuxu/rawprint.h>
#include <linuxu/setup.h>
#include <linuxu/signal.h>
#include <linuxu/syscall.h>
#if CONFIG_LIBUKDEBUG
#include <uk/assert.h>
#endif

/* Large enough for the kernel's frame with AVX-512 state and a backtrace. */
#define CRASH_STACK_SIZE (64 * 1024)

static char crash_stack[CRASH_STACK_SIZE] __aligned(16);

static const struct {
	int sig;
	const char *name;
} crash_signals[] = {
	{ K_SIGSEGV, "SIGSEGV" },
	{ K_SIGBUS, "SIGBUS" },
	{ K_SIGILL, "SIGILL" },
	{ K_SIGFPE, "SIGFPE" },
	{ K_SIGTRAP, "SIGTRAP" },
	{ K_SIGABRT, "SIGABRT" },
};

static const char *signal_name(int sig)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(crash_signals); i++)
		if (crash_signals[i].sig == sig)
			return crash_signals[i].name;
	return "signal";
}

static void print_reg(struct linuxu_line *l, const char *name, uint64_t v)
{
	_linuxu_line_str(l, name);
	_linuxu_line_hex(l, v, 16);
}

static void print_regs(const struct k_sigcontext *mc)
{
	struct linuxu_line l = LINUXU_LINE_INIT(K_STDOUT);

	/* Three registers per line, in the order people look for them. */
	print_reg(&l, " rip ", mc->rip);
	print_reg(&l, "  rsp ", mc->rsp);
	print_reg(&l, "  rbp ", mc->rbp);
	print_reg(&l, "\n rax ", mc->rax);
	print_reg(&l, "  rbx ", mc->rbx);
	print_reg(&l, "  rcx ", mc->rcx);
	print_reg(&l, "\n rdx ", mc->rdx);
	print_reg(&l, "  rsi ", mc->rsi);
	print_reg(&l, "  rdi ", mc->rdi);
	print_reg(&l, "\n r8  ", mc->r8);
	print_reg(&l, "  r9  ", mc->r9);
	print_reg(&l, "  r10 ", mc->r10);
	print_reg(&l, "\n r11 ", mc->r11);
	print_reg(&l, "  r12 ", mc->r12);
	print_reg(&l, "  r13 ", mc->r13);
	print_reg(&l, "\n r14 ", mc->r14);
	print_reg(&l, "  r15 ", mc->r15);
	print_reg(&l, "  eflags ", mc->eflags);
	_linuxu_line_str(&l, "\n");
	_linuxu_line_flush(&l);
}

static void print_header(int sig, const struct k_siginfo *si)
{
	struct linuxu_line l = LINUXU_LINE_INIT(K_STDOUT);

	_linuxu_line_str(&l, "linuxu: crash: ");
	_linuxu_line_str(&l, signal_name(sig));
	_linuxu_line_str(&l, " (signal ");
	_linuxu_line_dec(&l, sig);
	_linuxu_line_str(&l, "), si_code ");
	_linuxu_line_dec(&l, si->si_code);
	/*
	 * A positive si_code means the kernel raised the signal for a fault
	 * and si_addr is meaningful; otherwise a process sent it (kill,
	 * abort) and the same bytes hold the sender's pid.
	 */
	if (si->si_code > K_SI_USER) {
		_linuxu_line_str(&l, ", fault address ");
		_linuxu_line_hex(&l, (uintptr_t)si->si_addr, 16);
	} else {
		_linuxu_line_str(&l, ", sent by pid ");
		_linuxu_line_dec(&l, si->kill.si_pid);
	}
	_linuxu_line_str(&l, "\n");
	_linuxu_line_flush(&l);
}

static void crash_handler(int sig, struct k_siginfo *si, void *ctx)
{
	static volatile int reporting;
	struct k_ucontext *uc = ctx;

	/*
	 * Crash signals are not blocked while this runs (SA_NODEFER): a
	 * blocked fault would make the kernel kill the process without a
	 * word. A second fault here, in the report itself, ends the image
	 * at once instead of looping.
	 */
	if (reporting) {
		static const char msg[] =
			"linuxu: crashed again while reporting a crash\n";

		_linuxu_write_all(K_STDOUT, msg, sizeof(msg) - 1);
		sys_exit_group(UK_CRASH_STATUS);
	}
	reporting = 1;

	print_header(sig, si);
	print_regs(&uc->uc_mcontext);
#if CONFIG_LIBUKDEBUG
	uk_backtrace_print(uc->uc_mcontext.rbp);
#endif
	sys_exit_group(UK_CRASH_STATUS);
}

int _linuxu_crash_init(void)
{
	struct k_stack ss = {
		.ss_sp = crash_stack,
		.ss_size = sizeof(crash_stack),
	};
	struct k_sigaction sa = {
		.sa_handler = crash_handler,
		.sa_flags = K_SA_SIGINFO | K_SA_ONSTACK | K_SA_NODEFER |
			    K_SA_RESTORER,
		.sa_restorer = _linuxu_sigreturn,
		/* Keep interrupt signals (the timer...) out of the report. */
		.sa_mask = ~0ULL,
	};
	unsigned int i;
	long ret;

	ret = sys_sigaltstack(&ss, NULL);
	if (ret < 0)
		return ret;
	/* Everything but the crash signals themselves, see crash_handler. */
	for (i = 0; i < ARRAY_SIZE(crash_signals); i++)
		sa.sa_mask &= ~K_SIGBIT(crash_signals[i].sig);
	for (i = 0; i < ARRAY_SIZE(crash_signals); i++) {
		ret = sys_rt_sigaction(crash_signals[i].sig, &sa, NULL);
		if (ret < 0)
			return ret;
	}
	return 0;
}
