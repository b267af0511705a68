/* SPDX-License-Identifier: BSD-3-Clause */
/* The platform console: a byte stream out, a non-blocking byte stream in. */
#ifndef UK_PLAT_CONSOLE_H
#define UK_PLAT_CONSOLE_H

#include <uk/essentials.h>

/*
 * Write @len bytes; returns the number written (all of them unless the
 * console failed) or a negative errno. Usable from the first instruction
 * of C code on, and from interrupt/signal context.
 */
int uk_plat_console_out(const char *buf, unsigned int len);

/*
 * Read up to @maxlen bytes without blocking; returns the number read, 0 when
 * nothing is pending, or a negative errno (-EIO at end of input).
 */
int uk_plat_console_in(char *buf, unsigned int maxlen);

#endif /* UK_PLAT_CONSOLE_H */
