/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The thread pointer: the register that compiler-generated code reads to
 * find thread-local storage (__thread variables). On x86_64 it is the FS
 * base; the scheduler sets it on every switch to a thread with its own
 * TLS area. Until the first call it is whatever the platform booted with
 * (0 on linuxu), so code running before the scheduler must not use TLS.
 */
#ifndef UK_PLAT_TLS_H
#define UK_PLAT_TLS_H

#include <uk/essentials.h>

/*
 * Make @tp the thread pointer of the running CPU (x86_64: FS base; kvm
 * writes MSR_FS_BASE, linuxu calls arch_prctl(ARCH_SET_FS)). Thread
 * context only, cheap enough for every context switch.
 * @return 0, or a negative errno (-EINVAL for a non-canonical address).
 */
int uk_plat_tls_set(uintptr_t tp);

#endif /* UK_PLAT_TLS_H */
