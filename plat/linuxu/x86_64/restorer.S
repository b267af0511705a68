/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The signal restorer. On x86_64 the kernel does not provide one: every
 * rt_sigaction() must pass SA_RESTORER and the address of code that a
 * handler returns into. That code runs with %rsp on the signal frame the
 * kernel built and must call rt_sigreturn, which restores the interrupted
 * context (registers and signal mask) from that frame.
 */

#define __NR_rt_sigreturn 15

	.text
	.globl	_linuxu_sigreturn
	.type	_linuxu_sigreturn, @function
	/*
	 * Keep the nop before the label: unwinders that find a return
	 * address here look one byte back, and must not land in the
	 * previous function.
	 */
	nop
_linuxu_sigreturn:
	movq	$__NR_rt_sigreturn, %rax
	syscall
	/* rt_sigreturn does not return; trap if it ever does. */
	ud2
	.size	_linuxu_sigreturn, . - _linuxu_sigreturn

	.section .note.GNU-stack, "", @progbits
