/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Kernel messages with levels. Messages above CONFIG_LIBUKDEBUG_PRINTK_LEVEL
 * are compiled out; with CONFIG_LIBUKDEBUG_PRINTK off only critical messages
 * (crash and assertion reports) remain. The kernel parameter
 * ukdebug.loglevel=N (with ukparam) lowers the level at run time.
 */
#ifndef UK_PRINT_H
#define UK_PRINT_H

#include <uk/essentials.h>
#include <stdarg.h>

#define UK_PRINT_CRIT	1
#define UK_PRINT_ERR	2
#define UK_PRINT_WARN	3
#define UK_PRINT_INFO	4
#define UK_PRINT_DEBUG	5

#if CONFIG_LIBUKDEBUG_PRINTK
#define __UK_PRINT_MAXLVL CONFIG_LIBUKDEBUG_PRINTK_LEVEL
#else
#define __UK_PRINT_MAXLVL UK_PRINT_CRIT
#endif

/*
 * Print with a level prefix; the message is not split. Levels above the
 * kernel parameter ukdebug.loglevel are dropped (critical never is).
 */
void _uk_printk(int lvl, const char *libname, const char *fmt, ...)
	__printf(3, 4);
void _uk_vprintk(int lvl, const char *libname, const char *fmt, va_list ap);

#ifndef __LIBNAME__
#define __LIBNAME__ NULL
#endif

#define uk_printk(lvl, fmt, ...)                                            \
	do {                                                                \
		if ((lvl) <= __UK_PRINT_MAXLVL)                             \
			_uk_printk((lvl), __LIBNAME__, (fmt), ##__VA_ARGS__); \
	} while (0)

#define uk_pr_crit(fmt, ...) uk_printk(UK_PRINT_CRIT, fmt, ##__VA_ARGS__)
#define uk_pr_err(fmt, ...) uk_printk(UK_PRINT_ERR, fmt, ##__VA_ARGS__)
#define uk_pr_warn(fmt, ...) uk_printk(UK_PRINT_WARN, fmt, ##__VA_ARGS__)
#define uk_pr_info(fmt, ...) uk_printk(UK_PRINT_INFO, fmt, ##__VA_ARGS__)
#define uk_pr_debug(fmt, ...) uk_printk(UK_PRINT_DEBUG, fmt, ##__VA_ARGS__)

#endif /* UK_PRINT_H */
