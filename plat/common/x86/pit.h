/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The PC's PIT, channel 0: tsc.c measures the TSC against it at boot;
 * kvm's timer.c uses it as the timer when there is no local APIC.
 */
#ifndef PLAT_X86_PIT_H
#define PLAT_X86_PIT_H

#define PIT_HZ			1193182ULL
#define PIT_CH0			0x40
#define PIT_CMD			0x43
#define PIT_CMD_CH0_MODE0	0x30	/* channel 0, lo/hi byte, mode 0 */

#endif /* PLAT_X86_PIT_H */
