/* SPDX-License-Identifier: BSD-3-Clause */
/* The TLS template (tls.c), private to uksched. */
#ifndef UKSCHED_TLS_H
#define UKSCHED_TLS_H

#include <sched_arch.h>

/*
 * Find the program's TLS template; returns 1 and fills *@tmpl when the
 * image has thread-local variables, 0 (memsz 0) when it has none.
 */
int _uk_tls_template(struct uk_tls_tmpl *tmpl);

#endif /* UKSCHED_TLS_H */
