/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Leaving a Xen guest. The exit status reaches the host twice: as the
 * console's last line, "xen: exit status N", and as the shutdown reason
 * Xen reports to the toolstack (xl, libxl's domain death event):
 * poweroff for status 0, crash for any other status, reboot when asked.
 * `make run PLAT=xen` and the rig read the status from the line and
 * check it against the reason.
 */
#include <uk/arch/cpu.h>
#include <uk/plat/lifecycle.h>
#include <xen/sched.h>
#include <x86/boot.h>
#include "console.h"
#include "hypercall.h"

static void __noreturn shutdown(unsigned int reason)
{
	struct sched_shutdown s = { .reason = reason };

	irq_cli();
	_xen_console_flush();
	for (;;) {
		_xen_hc2(__HYPERVISOR_sched_op, SCHEDOP_shutdown, &s);
		/* Only a toolstack that ignores us gets here: try crash. */
		s.reason = SHUTDOWN_crash;
		cpu_hlt();
	}
}

void uk_plat_terminate(enum uk_plat_stop how, int status)
{
	switch (how) {
	case UK_PLAT_REBOOT:
		_x86_say("reboot");
		shutdown(SHUTDOWN_reboot);
	case UK_PLAT_HALT:
		status &= 0x7f;
		break;
	case UK_PLAT_CRASH:
	default:
		status = UK_CRASH_STATUS;
		break;
	}
	_x86_say_num("exit status ", (unsigned long)status, "");
	shutdown(status ? SHUTDOWN_crash : SHUTDOWN_poweroff);
}

const char *uk_plat_name(void)
{
	return "xen";
}
