/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The extended CPU context: x87, SSE and, where the CPU has them, AVX
 * (and AVX-512) registers. Kernel platforms turn them on with
 * ukarch_ectx_init() before running any C code that may use SSE; a
 * context switch or an interrupt saves and restores them through a
 * buffer of ukarch_ectx_size() bytes aligned to UKARCH_ECTX_ALIGN.
 * XSAVE is used when the CPU has it, FXSAVE otherwise.
 */
#ifndef UK_ARCH_ECTX_H
#define UK_ARCH_ECTX_H

#include <uk/essentials.h>

#define UKARCH_ECTX_ALIGN 64

/*
 * Enable the FPU, SSE and the XSAVE features the CPU offers (CR0, CR4,
 * XCR0). Call once, early, with interrupts disabled.
 */
void ukarch_ectx_init(void);

/* Bytes a save buffer needs (valid after ukarch_ectx_init()). */
size_t ukarch_ectx_size(void);

/* Save into / restore from @buf (aligned to UKARCH_ECTX_ALIGN). */
void ukarch_ectx_save(void *buf);
void ukarch_ectx_restore(const void *buf);

/* The XCR0 value in use (0 without XSAVE), for messages and tests. */
uint64_t ukarch_ectx_xcr0(void);

#endif /* UK_ARCH_ECTX_H */
