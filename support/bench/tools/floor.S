/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The floor of the boot benchmark: the least a kernel can do. A multiboot
 * (v1, ELF) kernel that prints "Hello world!" on COM1 and leaves through
 * QEMU's isa-debug-exit device with status 0, as Kiln's kvm images do.
 * Booted with Kiln's QEMU options, its launch-to-hello time is what QEMU
 * and the firmware cost before any kernel work: Kiln's own share is the
 * difference. Built by support/bench/kbench/systems.py (gcc -m32 -c;
 * ld -m elf_i386), never part of an image.
 */
#define MB_MAGIC	0x1badb002
#define COM1		0x3f8
#define COM1_LSR	(COM1 + 5)
#define LSR_THRE	0x20
#define DEBUG_EXIT	0xf4

	.section .text
	.code32
	.align 4
	.long MB_MAGIC
	.long 0				/* flags: nothing asked of the loader */
	.long -MB_MAGIC			/* checksum */

	.globl floor_start
floor_start:
	cli
	mov $hello, %esi
1:	movzbl (%esi), %ebx
	test %bl, %bl
	jz 3f
	mov $COM1_LSR, %dx
2:	inb %dx, %al			/* wait for the transmitter */
	test $LSR_THRE, %al
	jz 2b
	mov $COM1, %dx
	mov %bl, %al
	outb %al, %dx
	inc %esi
	jmp 1b
3:	mov $DEBUG_EXIT, %dx
	xor %eax, %eax
	outb %al, %dx			/* status 0: QEMU exits with 1 */
	/* No exit device: an exception with an empty IDT resets the CPU. */
	lidt empty_idt
	int3
4:	hlt
	jmp 4b

	.section .rodata
hello:	.asciz "Hello world!\n"
	.align 8
empty_idt:
	.word 0
	.long 0
