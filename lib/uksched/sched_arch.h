/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What uksched needs from each architecture (arch/<arch>/): the context
 * switch and the layout of a thread's TLS area. Private to uksched.
 */
#ifndef UKSCHED_SCHED_ARCH_H
#define UKSCHED_SCHED_ARCH_H

#include <uk/essentials.h>

/*
 * Save the callee-saved state of the running thread on its stack, store
 * its stack pointer in *@prev_sp, and resume the thread whose saved stack
 * pointer is @next_sp. Returns when someone switches back to us.
 */
void _uk_arch_ctx_switch(uintptr_t *prev_sp, uintptr_t next_sp);

/*
 * Prepare a new stack ending at @top so that switching to the returned
 * stack pointer calls @entry(@arg) with an empty call chain. @entry must
 * not return.
 */
uintptr_t _uk_arch_ctx_init(uintptr_t top, void (*entry)(void *), void *arg);

/* The TLS image of the program (the ELF PT_TLS segment). */
struct uk_tls_tmpl {
	const void *data;	/* initialised part (.tdata) */
	size_t filesz;		/* its size */
	size_t memsz;		/* with the zeroed part (.tbss) */
	size_t align;		/* a power of two */
};

/* Size and alignment of one thread's TLS area for @t. */
size_t _uk_arch_tls_area_size(const struct uk_tls_tmpl *t);
size_t _uk_arch_tls_area_align(const struct uk_tls_tmpl *t);

/* Fill the area @area from @t; returns the thread pointer to load. */
uintptr_t _uk_arch_tls_init(void *area, const struct uk_tls_tmpl *t);

#endif /* UKSCHED_SCHED_ARCH_H */
