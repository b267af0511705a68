/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The hand-over from a platform to the platform-neutral boot. A platform's
 * entry code sets up the CPU, the console and the bootinfo, then calls
 * uk_boot_entry(), which ukboot provides and which never returns.
 */
#ifndef UK_PLAT_ENTRY_H
#define UK_PLAT_ENTRY_H

#include <uk/essentials.h>

void uk_boot_entry(void) __noreturn;

#endif /* UK_PLAT_ENTRY_H */
