/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Entry code of all 256 vectors. Each vector has a 16-byte stub (the IDT
 * points at _ukarch_trap_stubs + 16 * vector) that pushes a zero where
 * the CPU pushes no error code, so every frame has the same layout, then
 * the vector, and jumps to the common code. That saves the general
 * registers (struct ukarch_regs), then the extended state on an aligned
 * area below them, and calls _ukarch_trap_entry(regs).
 */
#include <uk/arch/traps.h>

/* Vectors for which the CPU pushes an error code. */
#define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
		      (v) == 21 || (v) == 29 || (v) == 30)

/* Offset of the XSAVE header in the save area. */
#define XSAVE_HDR 512

	.section .text.ukarch_traps, "ax"
	.code64
	.balign 16
	.globl _ukarch_trap_stubs
_ukarch_trap_stubs:
	.set vec, 0
	.rept 256
	.balign 16
	.if !HAS_ERROR(vec)
	pushq $0
	.endif
	pushq $vec
	jmp _ukarch_trap_common
	.set vec, vec + 1
	.endr

_ukarch_trap_common:
	pushq %rax
	pushq %rbx
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	cld
	movq %rsp, %rbx			/* struct ukarch_regs *, callee-saved */

	/* Room for the extended state, aligned as XSAVE requires. */
	subq _ukarch_ectx_size(%rip), %rsp
	andq $-64, %rsp
	cmpl $0, _ukarch_ectx_xsave(%rip)
	je 1f
	/*
	 * The whole header to 0: XSAVE leaves the XSTATE_BV bits outside
	 * the requested features as they were, and XRSTOR refuses stale
	 * bits there or anything non-zero in bytes 8-63.
	 */
	xorl %eax, %eax
	movq %rax, XSAVE_HDR(%rsp)
	movq %rax, XSAVE_HDR + 8(%rsp)
	movq %rax, XSAVE_HDR + 16(%rsp)
	movq %rax, XSAVE_HDR + 24(%rsp)
	movq %rax, XSAVE_HDR + 32(%rsp)
	movq %rax, XSAVE_HDR + 40(%rsp)
	movq %rax, XSAVE_HDR + 48(%rsp)
	movq %rax, XSAVE_HDR + 56(%rsp)
	movl $-1, %eax
	movl $-1, %edx
	xsave64 (%rsp)
	jmp 2f
1:	fxsave64 (%rsp)
2:
	movq %rbx, %rdi
	call _ukarch_trap_entry

	cmpl $0, _ukarch_ectx_xsave(%rip)
	je 3f
	movl $-1, %eax
	movl $-1, %edx
	xrstor64 (%rsp)
	jmp 4f
3:	fxrstor64 (%rsp)
4:
	movq %rbx, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rbp
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rbx
	popq %rax
	addq $16, %rsp			/* vector and error code */
	iretq

	.section .note.GNU-stack, "", @progbits
