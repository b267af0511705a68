/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the crash screen adds to a page fault on an x86 platform: a stack
 * overflow into a guard page, a NULL dereference, a write to the
 * read-only image. The crash screen itself (registers, backtrace) is
 * arch/x86_64's.
 */
#include <uk/arch/traps.h>
#include <x86/boot.h>
#include <x86/stacks.h>

static const char *describe_fault(const struct ukarch_regs *r,
				  unsigned long cr2)
{
	const char *overflow;

	if (r->vector != X86_TRAP_PF)
		return NULL;
	overflow = _x86_stack_overflow_msg(cr2);
	if (overflow)
		return overflow;
	if (cr2 < 4096)
		return "NULL pointer dereference";
	if ((r->error & X86_PF_WRITE) && cr2 >= (uintptr_t)__x86_image_start &&
	    cr2 < (uintptr_t)__x86_rodata_end)
		return cr2 < (uintptr_t)__x86_text_end ?
		       "write to the read-only kernel text" :
		       "write to read-only kernel data";
	return NULL;
}

void _x86_fault_describe_init(void)
{
	ukarch_set_fault_describe(describe_fault);
}
