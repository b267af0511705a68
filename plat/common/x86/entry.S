/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The two ways into an x86 image (kvm, xen), and the way to long mode
 * they share.
 *
 * QEMU's -kernel loads the one ELF file either way:
 *  - Multiboot (v1): the header below, with the a.out-kludge address
 *    fields, since QEMU refuses to load an ELF64 file as multiboot
 *    otherwise. QEMU prefers it on -M pc. Entry with EAX = 0x2badb002,
 *    EBX = the multiboot information.
 *  - PVH: the Xen ELF note XEN_ELFNOTE_PHYS32_ENTRY names the 32-bit entry
 *    point. -M microvm only knows this one. Entry with EBX = the
 *    hvm_start_info.
 * Both arrive in 32-bit protected mode, paging off, interrupts off, with
 * a GDT we must not rely on. The shared path reads the TSC first (boot
 * time counts from there), loads a boot GDT, clears .bss, checks for long
 * mode, identity-maps the first GiB with 2 MiB pages, but the first 2 MiB
 * with 4 KiB pages, the image's text and rodata read-only (paging.c
 * refines that map in C), enables PAE, long mode, NX when the CPU has it,
 * paging
 * with write protection, and jumps to 64-bit code, which turns on SSE
 * (the C compiler may use it anywhere) and calls
 * the platform's _x86_entry64(protocol, info, magic) on the boot stack.
 */
#include <x86/boot.h>
#include <x86/stacks.h>

#define MB_MAGIC	0x1badb002
/* Page-aligned modules, memory information, a.out-kludge addresses. */
#define MB_FLAGS	((1 << 0) | (1 << 1) | (1 << 16))

/* Our own definition: the Xen headers are not a build dependency. */
#define XEN_ELFNOTE_PHYS32_ENTRY 18

#define COM1		0x3f8
#define DEBUG_EXIT_PORT	0xf4
#define MSR_EFER	0xc0000080

#define BOOT_SEL_CODE64	0x08
#define BOOT_SEL_DATA	0x10
#define BOOT_SEL_CODE32	0x18

#define STACK_TOP (_x86_boot_stack + X86_GUARD_SIZE + X86_BOOT_STACK_SIZE)

	.section .text.boot, "ax"
	.code32
	.balign 4
_x86_mb_header:
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)
	.long _x86_mb_header		/* header_addr */
	.long __x86_image_start		/* load_addr */
	.long _edata			/* load_end_addr: file bytes end */
	.long _end			/* bss_end_addr */
	.long _x86_entry_mb		/* entry_addr */

	.globl _x86_entry_mb
_x86_entry_mb:
	movl %eax, %edi
	movl $X86_BOOT_MULTIBOOT, %ebp
	jmp entry32

	/*
	 * PVH enters at the image's load address, 1 MiB (link.lds): copy
	 * the file bytes (to _edata; .bss is cleared below) down to where
	 * the image is linked, then enter it there. Position-independent:
	 * absolute addresses only. EBX (the start information) is kept;
	 * start information inside the destination would be overwritten:
	 * stop with a message.
	 */
	.globl _x86_entry_pvh_reloc
_x86_entry_pvh_reloc:
	cli
	cld
	cmpl $_end, %ebx
	jae 1f
	cmpl $__x86_image_start, %ebx
	jae pvh_info_overlap
1:	movl $__x86_pvh_image_lma, %esi
	movl $__x86_image_start, %edi
	movl $__x86_pvh_copy_words, %ecx
	rep movsl
	movl $_x86_entry_pvh, %eax
	jmp *%eax

	.globl _x86_entry_pvh
_x86_entry_pvh:
	xorl %edi, %edi
	movl $X86_BOOT_PVH, %ebp

	/* EBP = protocol, EBX = information, EDI = multiboot magic. */
entry32:
	cli
	cld
	movl %ebx, %esi
	/* Kept in .data: CPUID and the .bss clearing need every register. */
	movl %edi, _x86_boot_magic
	rdtsc
	movl %eax, _x86_entry_tsc
	movl %edx, _x86_entry_tsc + 4

	lgdt boot_gdt_ptr
	ljmp $BOOT_SEL_CODE32, $1f
1:	movl $BOOT_SEL_DATA, %eax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	movw %ax, %fs
	movw %ax, %gs

	/*
	 * Is there RAM under the whole image? With too little memory the
	 * loader still copies the file, but .bss (stacks, page tables) lies
	 * beyond the end of RAM, where writes vanish: say so and exit with
	 * status 2 rather than run into a hang.
	 */
	movl $(_end - 4), %edi
	movl $0x4e4c494b, (%edi)
	cmpl $0x4e4c494b, (%edi)
	jne no_memory
	notl (%edi)
	cmpl $~0x4e4c494b, (%edi)
	jne no_memory

	/*
	 * .bss: PVH's ELF loader clears it, multiboot's need not. Page
	 * tables and stacks live there, so before anything else.
	 */
	movl $__bss_start, %edi
	movl $_end, %ecx
	subl %edi, %ecx
	shrl $2, %ecx
	xorl %eax, %eax
	rep stosl
	movl $STACK_TOP, %esp

	/* Long mode? (EDX of leaf 0x80000001 is kept for NX below.) */
	movl $0x80000000, %eax
	cpuid
	cmpl $0x80000001, %eax
	jb no_long_mode
	movl $0x80000001, %eax
	cpuid
	testl $(1 << 29), %edx
	jz no_long_mode
	movl %edx, %edi

	/* PML4[0] -> PDPT, PDPT[0] -> PD, PD[i] = i * 2 MiB, 2 MiB pages. */
	movl $_x86_pt_pdpt, %eax
	orl $3, %eax
	movl %eax, _x86_pt_pml4
	movl $_x86_pt_pd0, %eax
	orl $3, %eax
	movl %eax, _x86_pt_pdpt
	xorl %ecx, %ecx
2:	movl %ecx, %eax
	shll $21, %eax
	orl $0x83, %eax			/* present, writable, large */
	movl %eax, _x86_pt_pd0(, %ecx, 8)
	incl %ecx
	cmpl $512, %ecx
	jb 2b

	/*
	 * PD[0] -> PT0: the first 2 MiB in 4 KiB pages, the image's text
	 * and rodata read-only from here on (CR0.WP below): a stray write
	 * into them before the final page tables faults (a crash screen,
	 * or a reset before the IDT is up) instead of corrupting the code.
	 */
	movl $_x86_pt_pt0, %eax
	orl $3, %eax
	movl %eax, _x86_pt_pd0
	xorl %ecx, %ecx
8:	movl %ecx, %eax
	shll $12, %eax
	movl $3, %edx			/* present, writable */
	cmpl $__x86_image_start, %eax
	jb 9f
	cmpl $__x86_rodata_end, %eax
	jae 9f
	movl $1, %edx			/* present, read-only */
9:	orl %edx, %eax
	movl %eax, _x86_pt_pt0(, %ecx, 8)
	incl %ecx
	cmpl $512, %ecx
	jb 8b

	movl %cr4, %eax
	orl $(1 << 5), %eax		/* PAE */
	movl %eax, %cr4
	movl $_x86_pt_pml4, %eax
	movl %eax, %cr3

	movl $MSR_EFER, %ecx
	rdmsr
	orl $(1 << 8), %eax		/* LME */
	testl $(1 << 20), %edi
	jz 3f
	orl $(1 << 11), %eax		/* NXE */
3:	wrmsr

	movl %cr0, %eax
	andl $~((1 << 2) | (1 << 3)), %eax	/* no EM, no TS */
	orl $((1 << 31) | (1 << 16) | (1 << 5) | (1 << 1) | 1), %eax
	movl %eax, %cr0			/* PG, WP, NE, MP, PE */
	ljmp $BOOT_SEL_CODE64, $entry64

	/*
	 * Say why on COM1 (QEMU's UART transmits without setup), leave with
	 * status 2 through isa-debug-exit (see shutdown.c), else stop.
	 */
no_memory:
	movl $msg_no_mem, %esi
	jmp 4f
no_long_mode:
	movl $msg_no_lm, %esi
	jmp 4f
	/* Runs at the load address: the message too is read from there. */
pvh_info_overlap:
	movl $msg_pvh_overlap, %esi
	addl $__x86_pvh_delta, %esi
4:	lodsb
	testb %al, %al
	jz 5f
	movw $COM1, %dx
	outb %al, %dx
	jmp 4b
5:	movb $2, %al
	outb %al, $DEBUG_EXIT_PORT
6:	hlt
	jmp 6b

	.code64
entry64:
	movl $BOOT_SEL_DATA, %eax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	/* SSE now: compiled C may use it from its first instruction. */
	movq %cr4, %rax
	orq $((1 << 9) | (1 << 10)), %rax	/* OSFXSR, OSXMMEXCPT */
	movq %rax, %cr4

	movl %ebp, %edi			/* protocol (zero-extended) */
	movl %esi, %esi			/* information */
	movl _x86_boot_magic(%rip), %edx	/* multiboot magic */
	xorl %ebp, %ebp			/* end of the frame-pointer chain */
	call _x86_entry64
7:	cli
	hlt
	jmp 7b

	.section .rodata.boot, "a"
	.balign 8
boot_gdt:
	.quad 0
	.quad 0x00af9a000000ffff	/* 0x08: 64-bit code */
	.quad 0x00cf92000000ffff	/* 0x10: data */
	.quad 0x00cf9a000000ffff	/* 0x18: 32-bit code */
boot_gdt_end:
boot_gdt_ptr:
	.word boot_gdt_end - boot_gdt - 1
	.quad boot_gdt
msg_no_lm:
	.ascii X86_PLAT_NAME
	.asciz ": this CPU has no 64-bit long mode: cannot boot\r\n"
msg_no_mem:
	.ascii X86_PLAT_NAME
	.asciz ": not enough memory: RAM ends inside the image (its .bss); give the guest more memory\r\n"
msg_pvh_overlap:
	.ascii X86_PLAT_NAME
	.asciz ": the PVH start information lies where the image runs (64 KiB up): cannot boot\r\n"

	/* Page tables of the first GiB, refined later by paging.c. */
	.section .bss.x86_pt, "aw", @nobits
	.balign 4096
	.globl _x86_pt_pml4, _x86_pt_pdpt, _x86_pt_pd0
_x86_pt_pml4:	.skip 4096
_x86_pt_pdpt:	.skip 4096
_x86_pt_pd0:	.skip 4096
_x86_pt_pt0:	.skip 4096

	/* Read before .bss is cleared: so it lives in .data. */
	.section .data.x86_entry, "aw"
	.balign 8
	.globl _x86_entry_tsc
_x86_entry_tsc:	.quad 0
_x86_boot_magic: .long 0

	.section .note.Xen, "a", @note
	.balign 4
	.long 4				/* name size */
	.long 4				/* descriptor size */
	.long XEN_ELFNOTE_PHYS32_ENTRY
	.asciz "Xen"
	.balign 4
	.long __x86_pvh_entry_lma

	.section .note.GNU-stack, "", @progbits
