/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The platform's own boot messages, "<platform>: <message>" on the
 * console. They must work before printf, the allocator or anything else
 * exists, so they format nothing but an unsigned decimal.
 */
#include <uk/plat/console.h>
#include <uk/plat/lifecycle.h>
#include <x86/boot.h>

static unsigned int slen(const char *s)
{
	unsigned int n = 0;

	while (s[n])
		n++;
	return n;
}

static void prefix(void)
{
	const char *name = uk_plat_name();

	uk_plat_console_out(name, slen(name));
	uk_plat_console_out(": ", 2);
}

void _x86_say(const char *msg)
{
	prefix();
	uk_plat_console_out(msg, slen(msg));
	uk_plat_console_out("\n", 1);
}

void _x86_say_num(const char *msg, unsigned long num, const char *unit)
{
	char tmp[24];
	int i = sizeof(tmp);

	do {
		tmp[--i] = '0' + num % 10;
		num /= 10;
	} while (num);
	prefix();
	uk_plat_console_out(msg, slen(msg));
	uk_plat_console_out(&tmp[i], sizeof(tmp) - i);
	uk_plat_console_out(unit, slen(unit));
	uk_plat_console_out("\n", 1);
}
