/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The boot stack and the IST stacks (stacks.c), each page-aligned above
 * a guard page that paging.c leaves unmapped. The platform's Makefile.uk
 * gives the boot stack's size as X86_BOOT_STACK_SIZE.
 */
#ifndef PLAT_X86_STACKS_H
#define PLAT_X86_STACKS_H

/* The page under each boot stack that stays unmapped. */
#define X86_GUARD_SIZE		4096
#define X86_IST_STACK_SIZE	8192

#ifndef X86_BOOT_STACK_SIZE
#error "the platform's Makefile.uk must define X86_BOOT_STACK_SIZE"
#endif

#ifndef __ASSEMBLY__
#include <uk/essentials.h>

struct x86_stack_boot {
	char guard[X86_GUARD_SIZE];
	char stack[X86_BOOT_STACK_SIZE];
};
struct x86_stack_ist {
	char guard[X86_GUARD_SIZE];
	char stack[X86_IST_STACK_SIZE];
};
extern struct x86_stack_boot _x86_boot_stack;
extern struct x86_stack_ist _x86_ist_stacks[];
/* The guard pages, for paging.c; the crash message for a fault in one. */
unsigned int _x86_stack_guards(uintptr_t *guards, unsigned int max);
const char *_x86_stack_overflow_msg(uintptr_t addr);
void _x86_stacks_ist_tops(uintptr_t *tops);
#endif /* !__ASSEMBLY__ */

#endif /* PLAT_X86_STACKS_H */
