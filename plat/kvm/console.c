/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The console of a kvm image: COM1 for output and input, and the VGA
 * text screen as a second output with CONFIG_KVM_CONSOLE_VGA.
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
