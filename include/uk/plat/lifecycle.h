/* SPDX-License-Identifier: BSD-3-Clause */
/* Leaving the image: halt with an exit status, reboot, or crash. */
#ifndef UK_PLAT_LIFECYCLE_H
#define UK_PLAT_LIFECYCLE_H

#include <uk/essentials.h>

enum uk_plat_stop {
	UK_PLAT_HALT,	/* normal end: @status is the application's */
	UK_PLAT_REBOOT,	/* restart the guest (a process just exits) */
	UK_PLAT_CRASH,	/* abnormal end: @status is ignored */
};

/*
 * The exit status of a crashed image. Below 128 so that it survives QEMU's
 * isa-debug-exit mapping ((status << 1) | 1, truncated to 8 bits).
 */
#define UK_CRASH_STATUS 127

/*
 * Stop the image. A halt exits with @status & 0x7f on kernel platforms
 * (QEMU's exit code carries 7 bits) and @status & 0xff on linuxu; a crash
 * exits with UK_CRASH_STATUS. Does not run shutdown hooks: that is ukboot's
 * job (uk_boot_exit()).
 */
void uk_plat_terminate(enum uk_plat_stop how, int status) __noreturn;

/* A short platform name ("linuxu", "kvm", "xen") for messages. */
const char *uk_plat_name(void);

#endif /* UK_PLAT_LIFECYCLE_H */
