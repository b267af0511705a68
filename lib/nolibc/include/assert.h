/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The C assert(). Not include-guarded on purpose: the C standard has
 * assert() follow the NDEBUG setting at each inclusion.
 *
 * Kiln code checks its own invariants with UK_ASSERT (<uk/assert.h>); this
 * one is for portable and third-party code.
 */
#undef assert

#ifdef NDEBUG
#define assert(x) ((void)0)
#else
#define assert(x)                                                            \
	((x) ? (void)0 : __assert_fail(#x, __FILE__, __LINE__, __func__))
#endif

#ifndef _NOLIBC_ASSERT_H
#define _NOLIBC_ASSERT_H

#ifdef __cplusplus
extern "C" {
#endif

#if !defined(__cplusplus) && __STDC_VERSION__ >= 201112L
#define static_assert _Static_assert
#endif

/*
 * Print "Assertion failed: @expr (@file:@line: @func)" on stderr, then
 * abort().
 */
void __assert_fail(const char *expr, const char *file, int line,
		   const char *func) __attribute__((__noreturn__));

#ifdef __cplusplus
}
#endif

#endif /* _NOLIBC_ASSERT_H */
