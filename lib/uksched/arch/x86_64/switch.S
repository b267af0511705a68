/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * x86_64 context switch. The SysV ABI makes rbx, rbp, r12-r15 callee
 * saved, and also the control bits of MXCSR and the x87 control word:
 * a thread that changed its rounding mode must get it back. Everything
 * else is caller saved, so a switch (an ordinary call) saves only these,
 * on the thread's own stack; the thread keeps nothing but the stack
 * pointer. FPU/SSE data registers are caller saved and need no saving in
 * a cooperative switch.
 *
 * Frame, from the saved stack pointer up:
 *	0	MXCSR (4 bytes), x87 control word (2 bytes), padding
 *	8	r15, r14, r13, r12, rbx, rbp
 *	56	return address
 */

	.cfi_sections .debug_frame
	.text

/* void _uk_arch_ctx_switch(uintptr_t *prev_sp, uintptr_t next_sp) */
	.globl	_uk_arch_ctx_switch
	.type	_uk_arch_ctx_switch, @function
_uk_arch_ctx_switch:
	.cfi_startproc
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	subq	$8, %rsp
	stmxcsr	(%rsp)
	fnstcw	4(%rsp)
	movq	%rsp, (%rdi)

	movq	%rsi, %rsp
	ldmxcsr	(%rsp)
	fldcw	4(%rsp)
	addq	$8, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.cfi_endproc
	.size	_uk_arch_ctx_switch, . - _uk_arch_ctx_switch

/*
 * First code of a new thread (see _uk_arch_ctx_init): the switch "returns"
 * here with the entry function in r12 and its argument in r13, and %rsp
 * 16-byte aligned. The entry function never returns.
 */
	.globl	_uk_arch_thread_start
	.type	_uk_arch_thread_start, @function
_uk_arch_thread_start:
	.cfi_startproc
	.cfi_undefined rip
	xorl	%ebp, %ebp		/* backtraces stop here */
	movq	%r13, %rdi
	call	*%r12
	ud2
	.cfi_endproc
	.size	_uk_arch_thread_start, . - _uk_arch_thread_start

	.section .note.GNU-stack, "", @progbits
