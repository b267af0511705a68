/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * x86_64 thread set-up: the first frame of a new stack (see switch.S) and
 * the TLS area. x86_64 uses TLS "variant II": the thread pointer (FS
 * base) points just past the TLS block, which the linker addresses with
 * negative offsets, and to a word holding the thread pointer itself (code
 * that needs the address of a TLS variable reads %fs:0).
 */
#include <string.h>
#include <sched_arch.h>

/* MXCSR: all exceptions masked, round to nearest; x87: the same. */
#define MXCSR_DEFAULT	0x1f80ULL
#define FPUCW_DEFAULT	0x037fULL

void _uk_arch_thread_start(void);

uintptr_t _uk_arch_ctx_init(uintptr_t top, void (*entry)(void *), void *arg)
{
	/* After the switch "returns", %rsp is this: 16-byte aligned. */
	uint64_t *sp = (uint64_t *)(ALIGN_DOWN(top, 16) - 16);

	*--sp = (uint64_t)_uk_arch_thread_start;
	*--sp = 0;			/* rbp */
	*--sp = 0;			/* rbx */
	*--sp = (uint64_t)entry;	/* r12 */
	*--sp = (uint64_t)arg;		/* r13 */
	*--sp = 0;			/* r14 */
	*--sp = 0;			/* r15 */
	*--sp = MXCSR_DEFAULT | (FPUCW_DEFAULT << 32);
	return (uintptr_t)sp;
}

/* The word at the thread pointer: the pointer itself. */
#define TCB_SIZE 16

static size_t block_size(const struct uk_tls_tmpl *t)
{
	return ALIGN_UP(t->memsz, t->align);
}

size_t _uk_arch_tls_area_align(const struct uk_tls_tmpl *t)
{
	return MAX(t->align, (size_t)16);
}

size_t _uk_arch_tls_area_size(const struct uk_tls_tmpl *t)
{
	return block_size(t) + TCB_SIZE;
}

uintptr_t _uk_arch_tls_init(void *area, const struct uk_tls_tmpl *t)
{
	uintptr_t tp = (uintptr_t)area + block_size(t);

	memcpy(area, t->data, t->filesz);
	memset((char *)area + t->filesz, 0, block_size(t) - t->filesz);
	*(uintptr_t *)tp = tp;
	return tp;
}
