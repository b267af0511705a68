/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Dispatch of the vectors (see traps.S): exceptions end the image with the
 * crash screen, everything else goes to the platform's interrupt handler.
 * Kiln has no recoverable exception yet (no demand paging, no user mode),
 * so every exception is a bug worth stopping for.
 */
#include <uk/arch/traps.h>
#include <uk/plat/console.h>
#include <uk/plat/lifecycle.h>

static ukarch_irq_handler_t irq_handler;

void ukarch_irq_set_handler(ukarch_irq_handler_t fn)
{
	irq_handler = fn;
}

void _ukarch_trap_entry(struct ukarch_regs *regs)
{
	static volatile int crashing;

	if (regs->vector >= X86_NR_EXCEPTIONS && irq_handler) {
		irq_handler(regs->vector, regs);
		return;
	}

	/* A fault while printing a crash: stop at once rather than loop. */
	if (crashing++) {
		static const char msg[] = "crash: fault while reporting a crash\n";

		uk_plat_console_out(msg, sizeof(msg) - 1);
		uk_plat_terminate(UK_PLAT_CRASH, UK_CRASH_STATUS);
	}
	ukarch_crash_screen(NULL, regs);
	uk_plat_terminate(UK_PLAT_CRASH, UK_CRASH_STATUS);
}
