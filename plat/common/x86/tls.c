/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The thread pointer of an x86 image: the FS base MSR. FS itself stays the
 * null selector (desc.c), so nothing reloads the base behind our back;
 * the interrupt entry does not touch it, so handlers run with the
 * interrupted thread's.
 */
#include <errno.h>
#include <uk/arch/cpu.h>
#include <uk/plat/tls.h>

#define MSR_FS_BASE 0xc0000100

int uk_plat_tls_set(uintptr_t tp)
{
	/* WRMSR faults on a non-canonical address: refuse it instead. */
	if ((uintptr_t)((intptr_t)(tp << 16) >> 16) != tp)
		return -EINVAL;
	wrmsr(MSR_FS_BASE, tp);
	return 0;
}
