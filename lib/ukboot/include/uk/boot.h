/* SPDX-License-Identifier: BSD-3-Clause */
/* ukboot: the platform-neutral boot sequence and the way out of it. */
#ifndef UK_BOOT_H
#define UK_BOOT_H

#include <uk/essentials.h>

/*
 * End the application with @status: run the term functions of the init
 * table in reverse order, then halt the platform with @status. This is what
 * exit() and a return from main() end in. Never returns.
 */
void uk_boot_exit(int status) __noreturn;

#endif /* UK_BOOT_H */
