/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Invariant checks. UK_ASSERT is for broken invariants, never for bad input:
 * a failure prints the expression, file:line and function, a backtrace, and
 * crashes the image (exit status UK_CRASH_STATUS). With
 * CONFIG_LIBUKDEBUG_ENABLE_ASSERT off, UK_ASSERT compiles to nothing;
 * UK_BUGON and UK_CRASH always stay.
 */
#ifndef UK_ASSERT_H
#define UK_ASSERT_H

#include <uk/essentials.h>

void _uk_crash(const char *file, int line, const char *func,
	       const char *fmt, ...) __noreturn __printf(4, 5);

#define UK_CRASH(fmt, ...)                                                  \
	_uk_crash(__FILE__, __LINE__, __func__, fmt, ##__VA_ARGS__)

#define UK_BUGON(cond)                                                      \
	do {                                                                \
		if (unlikely(cond))                                         \
			UK_CRASH("BUG: %s", #cond);                         \
	} while (0)

#if CONFIG_LIBUKDEBUG_ENABLE_ASSERT
#define UK_ASSERT(cond)                                                     \
	do {                                                                \
		if (unlikely(!(cond)))                                      \
			UK_CRASH("Assertion failure: %s", #cond);           \
	} while (0)
#else
#define UK_ASSERT(cond) do { (void)sizeof(cond); } while (0)
#endif

/*
 * Print the call chain by walking frame pointers from @fp (the value of
 * %rbp in the frame to start from); stops at a NULL, misaligned or
 * non-increasing frame, and after a fixed depth. Images are built with
 * -fno-omit-frame-pointer so that the chain is there.
 */
void uk_backtrace_print(unsigned long fp);

#endif /* UK_ASSERT_H */
