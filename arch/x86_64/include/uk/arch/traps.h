/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * x86-64 descriptor tables, exceptions and interrupt entry, for kernel
 * platforms (kvm; xen later). The platform calls ukarch_traps_init() once,
 * early, with the tops of the IST stacks it reserved (with guard pages
 * under them); from then on:
 *   - every CPU exception (vectors 0-31) prints the crash screen
 *     (ukarch_crash_screen()) and stops the image with UK_PLAT_CRASH;
 *   - every other vector calls the handler set with ukarch_irq_set_handler()
 *     with the extended (FPU/SSE/AVX) state saved around it, so handlers
 *     may be ordinary C compiled with SSE.
 */
#ifndef UK_ARCH_TRAPS_H
#define UK_ARCH_TRAPS_H

/* Exception vectors. */
#define X86_TRAP_DE	0	/* divide error */
#define X86_TRAP_DB	1
#define X86_TRAP_NMI	2
#define X86_TRAP_BP	3
#define X86_TRAP_OF	4
#define X86_TRAP_BR	5
#define X86_TRAP_UD	6	/* invalid opcode */
#define X86_TRAP_NM	7
#define X86_TRAP_DF	8	/* double fault */
#define X86_TRAP_TS	10
#define X86_TRAP_NP	11
#define X86_TRAP_SS	12
#define X86_TRAP_GP	13
#define X86_TRAP_PF	14	/* page fault */
#define X86_TRAP_MF	16
#define X86_TRAP_AC	17
#define X86_TRAP_MC	18	/* machine check */
#define X86_TRAP_XM	19
#define X86_TRAP_VE	20
#define X86_TRAP_CP	21
#define X86_NR_EXCEPTIONS 32

/* Page-fault error code bits. */
#define X86_PF_PRESENT	(1UL << 0)
#define X86_PF_WRITE	(1UL << 1)
#define X86_PF_USER	(1UL << 2)
#define X86_PF_RSVD	(1UL << 3)
#define X86_PF_INSTR	(1UL << 4)

/* IST slots, in the TSS's numbering (1-7; 0 means "no IST"). */
#define UKARCH_IST_DF	1
#define UKARCH_IST_NMI	2
#define UKARCH_IST_MC	3
/*
 * Page faults get a stack of their own too: a stack overflow into a guard
 * page then shows up as a page fault with the faulting RIP and CR2, not
 * as a double fault whose saved RIP the CPU leaves undefined.
 */
#define UKARCH_IST_PF	4
#define UKARCH_NR_IST	4

/* Segment selectors of the GDT set up by ukarch_traps_init(). */
#define UKARCH_SEL_CODE	0x08
#define UKARCH_SEL_DATA	0x10
#define UKARCH_SEL_TSS	0x18

#ifndef __ASSEMBLY__
#include <uk/essentials.h>

/*
 * The interrupted context as the entry code leaves it on the stack: the
 * general registers pushed by the common stub (r15 at the lowest address),
 * the vector and error code (0 for vectors without one), then the frame
 * the CPU pushed.
 */
struct ukarch_regs {
	unsigned long r15, r14, r13, r12, r11, r10, r9, r8;
	unsigned long rbp, rdi, rsi, rdx, rcx, rbx, rax;
	unsigned long vector, error;
	unsigned long rip, cs, rflags, rsp, ss;
};

/*
 * Load the GDT (code, data, TSS), the TSS with @ist_top[i] as the top of
 * IST stack i + 1, and an IDT covering all 256 vectors. Call once with
 * interrupts disabled, after ukarch_ectx_init() (the entry code saves the
 * extended state with the instruction that chose).
 */
void ukarch_traps_init(const uintptr_t ist_top[UKARCH_NR_IST]);

/*
 * The function called for vectors 32-255 (interrupt context, interrupts
 * disabled). The platform acknowledges the interrupt controller itself.
 * Until one is set, such a vector is reported as a crash.
 */
typedef void (*ukarch_irq_handler_t)(unsigned int vector,
				     struct ukarch_regs *regs);
void ukarch_irq_set_handler(ukarch_irq_handler_t fn);

/*
 * Print the crash screen for @regs: what happened (@what, or the vector's
 * name), the error code, every register, CR2 for page faults, the control
 * registers and a frame-pointer backtrace. Does not stop the image.
 */
void ukarch_crash_screen(const char *what, const struct ukarch_regs *regs);

/*
 * A hook the platform may set to describe a fault better (e.g. "stack
 * overflow" for a page fault in a guard page); returns NULL when it has
 * nothing to add. Called from the crash screen.
 */
typedef const char *(*ukarch_fault_describe_t)(const struct ukarch_regs *r,
					       unsigned long cr2);
void ukarch_set_fault_describe(ukarch_fault_describe_t fn);

/* Private: the C side of the entry code (traps.S). */
void _ukarch_trap_entry(struct ukarch_regs *regs);
#endif /* !__ASSEMBLY__ */

#endif /* UK_ARCH_TRAPS_H */
