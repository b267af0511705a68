/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Linux x86_64 signal ABI as the kernel sees it (not as a libc shows
 * it): 8-byte signal sets, the kernel's struct sigaction with sa_restorer,
 * siginfo, the alternate stack and the ucontext of a signal frame.
 * Layouts follow arch/x86/include/uapi/asm/{signal,sigcontext}.h and
 * include/uapi/asm-generic/siginfo.h; the static asserts pin the offsets
 * the crash screen depends on.
 */
#ifndef LINUXU_SIGNAL_H
#define LINUXU_SIGNAL_H

#include <uk/essentials.h>

#define K_SIGHUP	1
#define K_SIGINT	2
#define K_SIGQUIT	3
#define K_SIGILL	4
#define K_SIGTRAP	5
#define K_SIGABRT	6
#define K_SIGBUS	7
#define K_SIGFPE	8
#define K_SIGKILL	9
#define K_SIGUSR1	10
#define K_SIGSEGV	11
#define K_SIGUSR2	12
#define K_SIGPIPE	13
#define K_SIGALRM	14
#define K_SIGTERM	15
#define K_SIGIO		29

/* Bit of signal @sig (1..64) in a kernel signal set. */
#define K_SIGBIT(sig)	(1ULL << ((sig) - 1))

typedef uint64_t k_sigset_t;

/* rt_sigprocmask() @how */
#define K_SIG_BLOCK	0
#define K_SIG_UNBLOCK	1
#define K_SIG_SETMASK	2

/* sa_flags */
#define K_SA_SIGINFO	0x00000004UL
#define K_SA_RESTORER	0x04000000UL
#define K_SA_ONSTACK	0x08000000UL
#define K_SA_RESTART	0x10000000UL
#define K_SA_NODEFER	0x40000000UL

/* si_code values below or equal to 0 mean "sent by a process". */
#define K_SI_USER	0

struct k_siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
		void *si_addr;
		/* kill(), tgkill() */
		struct {
			int si_pid;
			unsigned int si_uid;
		} kill;
		char pad[128 - 16];
	};
};

typedef void (*k_sighandler_t)(int sig, struct k_siginfo *si, void *uc);

struct k_sigaction {
	k_sighandler_t sa_handler;
	unsigned long sa_flags;
	void (*sa_restorer)(void);
	k_sigset_t sa_mask;
};

/* Alternate signal stack (stack_t). */
struct k_stack {
	void *ss_sp;
	int ss_flags;
	unsigned long ss_size;
};

/* The saved registers of a signal frame (struct sigcontext, 64-bit). */
struct k_sigcontext {
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip;
	uint64_t eflags;
	uint16_t cs, gs, fs, ss;
	uint64_t err;
	uint64_t trapno;
	uint64_t oldmask;
	uint64_t cr2;
	void *fpstate;
	uint64_t reserved1[8];
};

struct k_ucontext {
	unsigned long uc_flags;
	struct k_ucontext *uc_link;
	struct k_stack uc_stack;
	struct k_sigcontext uc_mcontext;
	k_sigset_t uc_sigmask;
};

_Static_assert(sizeof(struct k_siginfo) == 128, "siginfo is 128 bytes");
_Static_assert(offsetof(struct k_siginfo, si_addr) == 16, "si_addr");
_Static_assert(sizeof(struct k_sigaction) == 32, "kernel sigaction");
_Static_assert(sizeof(struct k_stack) == 24, "stack_t");
_Static_assert(sizeof(struct k_sigcontext) == 256, "sigcontext");
_Static_assert(offsetof(struct k_ucontext, uc_mcontext) == 40, "mcontext");
_Static_assert(offsetof(struct k_ucontext, uc_mcontext.rip) == 168, "rip");
_Static_assert(offsetof(struct k_ucontext, uc_sigmask) == 296, "sigmask");

/*
 * The SA_RESTORER stub (x86_64/restorer.S): a handler returns into it and
 * it calls rt_sigreturn. The kernel requires one on x86_64.
 */
void _linuxu_sigreturn(void);

#endif /* LINUXU_SIGNAL_H */
