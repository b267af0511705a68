/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The end of the road for a broken invariant: say what and where, show the
 * call chain, and stop the image with UK_CRASH_STATUS.
 */
#include <stdarg.h>
#include <stdio.h>
#include <uk/assert.h>
#include <uk/print.h>
#include <uk/plat/irq.h>
#include <uk/plat/lifecycle.h>

void _uk_crash(const char *file, int line, const char *func,
	       const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	/* Nothing else may run: a crash is final. */
	uk_plat_irq_disable();
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	_uk_printk(UK_PRINT_CRIT, NULL, "%s at %s:%d (%s)", msg, file, line,
		   func);
	uk_backtrace_print((unsigned long)__builtin_frame_address(0));
	uk_plat_terminate(UK_PLAT_CRASH, UK_CRASH_STATUS);
}
