/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Kernel messages: one formatted line per call, written to the platform
 * console in a single write so that messages from interrupt context do not
 * interleave inside a line. Lines longer than the buffer are truncated
 * (and marked so) rather than split.
 */
#include <stdio.h>
#include <uk/print.h>
#include <uk/plat/console.h>

#if CONFIG_LIBUKPARAM && CONFIG_LIBUKDEBUG_PRINTK
#include <uk/param.h>

/*
 * The build compiles out the levels above CONFIG_LIBUKDEBUG_PRINTK_LEVEL;
 * this parameter quietens further at run time, for all but critical
 * messages (crash and assertion reports).
 */
UK_PARAM_INT(ukdebug, loglevel, CONFIG_LIBUKDEBUG_PRINTK_LEVEL, 1, 5,
	     "kernel messages printed: 1 critical 2 +errors 3 +warnings 4 +info 5 +debug (this image has up to "
	     STRINGIFY(CONFIG_LIBUKDEBUG_PRINTK_LEVEL) ")");
#define LOGLEVEL UK_PARAM(ukdebug, loglevel)
#else
#define LOGLEVEL UK_PRINT_DEBUG
#endif

#define PRINTK_BUFSIZE 512

static const char *const level_names[] = {
	[UK_PRINT_CRIT] = "CRIT",
	[UK_PRINT_ERR] = "ERR",
	[UK_PRINT_WARN] = "WARN",
	[UK_PRINT_INFO] = "INFO",
	[UK_PRINT_DEBUG] = "DEBUG",
};

void _uk_vprintk(int lvl, const char *libname, const char *fmt, va_list ap)
{
	char buf[PRINTK_BUFSIZE];
	const char *lname = "?";
	int n, m;

	if (lvl > LOGLEVEL && lvl > UK_PRINT_CRIT)
		return;
	if (lvl >= UK_PRINT_CRIT && lvl <= UK_PRINT_DEBUG)
		lname = level_names[lvl];
	if (libname)
		n = snprintf(buf, sizeof(buf), "%s: [%s] ", lname, libname);
	else
		n = snprintf(buf, sizeof(buf), "%s: ", lname);
	m = vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	if (m < 0)
		return;
	n += m;
	if (n >= (int)sizeof(buf)) {
		/* Truncated: end with a visible marker and a newline. */
		n = sizeof(buf) - 1;
		buf[n - 4] = '.';
		buf[n - 3] = '.';
		buf[n - 2] = '.';
		buf[n - 1] = '\n';
	} else if (n == 0 || buf[n - 1] != '\n') {
		buf[n++] = '\n';
	}
	uk_plat_console_out(buf, n);
}

void _uk_printk(int lvl, const char *libname, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	_uk_vprintk(lvl, libname, fmt, ap);
	va_end(ap);
}
