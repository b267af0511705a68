/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The console of a kvm image: COM1 for output and input, and the VGA
 * text screen as a second output with CONFIG_KVM_CONSOLE_VGA. Also the
 * platform's own boot messages, which must work before printf exists.
 */
#include <uk/plat/console.h>
#include <kvm/setup.h>

int uk_plat_console_out(const char *buf, unsigned int len)
{
	_kvm_serial_out(buf, len);
#if CONFIG_KVM_CONSOLE_VGA
	_kvm_vga_out(buf, len);
#endif
	return len;
}

int uk_plat_console_in(char *buf, unsigned int maxlen)
{
	return _kvm_serial_in(buf, maxlen);
}

static unsigned int slen(const char *s)
{
	unsigned int n = 0;

	while (s[n])
		n++;
	return n;
}

void _kvm_say(const char *msg)
{
	uk_plat_console_out("kvm: ", 5);
	uk_plat_console_out(msg, slen(msg));
	uk_plat_console_out("\n", 1);
}

void _kvm_say_num(const char *msg, unsigned long num, const char *unit)
{
	char tmp[24];
	int i = sizeof(tmp);

	do {
		tmp[--i] = '0' + num % 10;
		num /= 10;
	} while (num);
	uk_plat_console_out("kvm: ", 5);
	uk_plat_console_out(msg, slen(msg));
	uk_plat_console_out(&tmp[i], sizeof(tmp) - i);
	uk_plat_console_out(unit, slen(unit));
	uk_plat_console_out("\n", 1);
}
