/* SPDX-License-Identifier: BSD-3-Clause */
/* Leaving a linuxu image: the process exits with the image's status. */
#include <uk/plat/lifecycle.h>
#include <linuxu/syscall.h>

void uk_plat_terminate(enum uk_plat_stop how, int status)
{
	switch (how) {
	case UK_PLAT_HALT:
		/* The host keeps 8 bits of an exit status. */
		sys_exit_group(status & 0xff);
	case UK_PLAT_REBOOT:
		/*
		 * A process cannot restart itself short of re-executing its
		 * binary, which would need the original argv and environment
		 * and could loop forever. Exit with 0, since a reboot is a
		 * requested end, and leave restarting to whoever runs us.
		 */
		sys_exit_group(0);
	case UK_PLAT_CRASH:
	default:
		sys_exit_group(UK_CRASH_STATUS);
	}
}

const char *uk_plat_name(void)
{
	return "linuxu";
}
