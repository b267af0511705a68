/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The CPU's interrupt flag, the same on every x86 platform (kvm, xen):
 * enable, disable, query, and the save/restore pair (restore sets the
 * flag to what was saved, either way).
 */
#include <uk/arch/cpu.h>
#include <uk/plat/irq.h>

void uk_plat_irq_enable(void)
{
	irq_sti();
}

void uk_plat_irq_disable(void)
{
	irq_cli();
}

int uk_plat_irq_enabled(void)
{
	return !!(read_rflags() & X86_RFLAGS_IF);
}

unsigned long uk_plat_irq_save(void)
{
	unsigned long flags = read_rflags();

	irq_cli();
	return flags & X86_RFLAGS_IF;
}

void uk_plat_irq_restore(unsigned long flags)
{
	if (flags & X86_RFLAGS_IF)
		irq_sti();
	else
		irq_cli();
}
