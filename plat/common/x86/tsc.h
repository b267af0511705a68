/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The TSC as a clock (tsc.c). The frequency is looked up, or its
 * measurement started, at entry by _x86_tsc_calibrate_start() and known
 * after _x86_tsc_init(). The platform's Makefile.uk gives the length of
 * the PIT measurement as X86_TSC_CALIBRATE_US.
 */
#ifndef PLAT_X86_TSC_H
#define PLAT_X86_TSC_H

#include <uk/essentials.h>
#include <uk/plat/time.h>

void _x86_tsc_calibrate_start(void);
void _x86_tsc_init(void);
uint64_t _x86_tsc_hz(void);
const char *_x86_tsc_source(void);
__nsec _x86_tsc_to_ns(uint64_t tsc);
uint64_t _x86_ns_to_tsc(__nsec ns);

#endif /* PLAT_X86_TSC_H */
