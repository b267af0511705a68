/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Frame-pointer backtrace. Every image is built with
 * -fno-omit-frame-pointer, so each frame starts with the caller's frame
 * pointer followed by the return address; platform entry code clears the
 * frame pointer so that the chain ends with 0. Addresses are printed for
 * support/scripts/symbolize to resolve against the .dbg image.
 */
#include <uk/assert.h>
#include <uk/print.h>

#define BACKTRACE_MAX_DEPTH 32

void uk_backtrace_print(unsigned long fp)
{
	unsigned long prev = 0;
	int depth;

	_uk_printk(UK_PRINT_CRIT, NULL, "backtrace:");
	for (depth = 0; depth < BACKTRACE_MAX_DEPTH; depth++) {
		unsigned long *frame = (unsigned long *)fp;
		unsigned long ret;

		/* A frame pointer must be aligned and move up the stack. */
		if (!fp || (fp & (sizeof(long) - 1)) || fp <= prev)
			break;
		ret = frame[1];
		if (!ret)
			break;
		_uk_printk(UK_PRINT_CRIT, NULL, "  #%d 0x%016lx", depth, ret);
		prev = fp;
		fp = frame[0];
	}
}
