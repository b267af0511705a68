/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Process entry of a linuxu image. The kernel starts us with
 *	(%rsp)		argc
 *	8(%rsp)		argv[0], ..., NULL, envp..., NULL, auxv...
 * and no other register holds anything we need (%rdx, an atexit function
 * for dynamically linked programs, is always 0 for a static image).
 */

	/*
	 * The CFI below is for debuggers only: keep it in .debug_frame,
	 * since images carry no .eh_frame (frame pointers do the unwinding).
	 */
	.cfi_sections .debug_frame

	.text
	.globl	_start
	.type	_start, @function
_start:
	/*
	 * Tell unwinders and debuggers that there is no caller, and end the
	 * frame-pointer chain here: backtraces stop at a NULL %rbp.
	 */
	.cfi_startproc
	.cfi_undefined rip
	xorl	%ebp, %ebp
	movq	(%rsp), %rdi		/* argc */
	leaq	8(%rsp), %rsi		/* argv */
	/*
	 * The ABI wants %rsp 16-byte aligned at a call; the kernel already
	 * aligns it, but do not rely on that.
	 */
	andq	$-16, %rsp
	call	_linuxu_entry
	/* _linuxu_entry() does not return; trap if it ever does. */
	ud2
	.cfi_endproc
	.size	_start, . - _start

	/* No executable stack. */
	.section .note.GNU-stack, "", @progbits
