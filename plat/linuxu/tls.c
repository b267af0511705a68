/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The thread pointer of a linuxu image: the process' FS base, set with
 * arch_prctl(ARCH_SET_FS). A host libc would own FS; Kiln has none, so
 * the scheduler may point it at each thread's TLS area. The kernel keeps
 * the FS base across signals, so interrupt handlers see the thread's.
 */
#include <uk/plat/tls.h>
#include <linuxu/syscall.h>

int uk_plat_tls_set(uintptr_t tp)
{
	return sys_arch_prctl(K_ARCH_SET_FS, tp);
}
