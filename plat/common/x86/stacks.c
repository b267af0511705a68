/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The boot stack (main() runs on it) and the IST stacks of the faults
 * that must not trust the current stack (uk/arch/traps.h). Each sits
 * right above a guard page that paging.c leaves unmapped, so running off
 * the bottom of a stack faults at once instead of corrupting whatever
 * lies below.
 */
#include <uk/arch/traps.h>
#include <x86/stacks.h>

struct x86_stack_boot _x86_boot_stack
	__aligned(X86_GUARD_SIZE) __section(".bss.x86_stacks");
struct x86_stack_ist _x86_ist_stacks[UKARCH_NR_IST]
	__aligned(X86_GUARD_SIZE) __section(".bss.x86_stacks");

/* What the crash screen says about a fault in each guard page. */
static const char *const ist_overflow[UKARCH_NR_IST] = {
	[UKARCH_IST_DF - 1] = "stack overflow: the fault is in the guard page under the double-fault stack",
	[UKARCH_IST_NMI - 1] = "stack overflow: the fault is in the guard page under the NMI stack",
	[UKARCH_IST_MC - 1] = "stack overflow: the fault is in the guard page under the machine-check stack",
	[UKARCH_IST_PF - 1] = "stack overflow: the fault is in the guard page under the page-fault stack",
};

unsigned int _x86_stack_guards(uintptr_t *guards, unsigned int max)
{
	unsigned int i, n = 0;

	if (n < max)
		guards[n++] = (uintptr_t)_x86_boot_stack.guard;
	for (i = 0; i < UKARCH_NR_IST && n < max; i++)
		guards[n++] = (uintptr_t)_x86_ist_stacks[i].guard;
	return n;
}

static int in_guard(uintptr_t addr, const char *guard)
{
	return addr >= (uintptr_t)guard &&
	       addr < (uintptr_t)guard + X86_GUARD_SIZE;
}

const char *_x86_stack_overflow_msg(uintptr_t addr)
{
	unsigned int i;

	if (in_guard(addr, _x86_boot_stack.guard))
		return "stack overflow: the fault is in the guard page under the boot stack";
	for (i = 0; i < UKARCH_NR_IST; i++)
		if (in_guard(addr, _x86_ist_stacks[i].guard))
			return ist_overflow[i];
	return NULL;
}

void _x86_stacks_ist_tops(uintptr_t *tops)
{
	unsigned int i;

	for (i = 0; i < UKARCH_NR_IST; i++)
		tops[i] = (uintptr_t)(_x86_ist_stacks[i].stack +
				      X86_IST_STACK_SIZE);
}
