/* SPDX-License-Identifier: BSD-3-Clause */
/* The archive of CONFIG_LIBUKCPIO_EMBED, packed at build time (Makefile.uk). */
	.section .rodata.ukcpio_embedded, "a"
	.balign 16
	.globl _uk_cpio_embedded_start
_uk_cpio_embedded_start:
	.incbin UKCPIO_EMBED_FILE
	.globl _uk_cpio_embedded_end
_uk_cpio_embedded_end:
	.section .note.GNU-stack, "", @progbits
