/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The TLS template: where the initial values of the program's __thread
 * variables are and how large a thread's copy must be. Two sources:
 *
 *  - symbols from the platform's linker script, for images whose ELF
 *    headers are not loaded (a multiboot kernel):
 *	__uk_tdata_start, __uk_tdata_end	the .tdata bytes
 *	__uk_tls_end				the end of .tbss
 *	__uk_tls_align (absolute)		the TLS segment's alignment
 *  - otherwise the PT_TLS program header, found through __ehdr_start,
 *    which the linker defines when the headers are part of the loaded
 *    image (the default GNU ld script of linuxu does that).
 *
 * An image with neither, or without __thread variables, has an empty
 * template: threads then get no TLS area and the thread pointer is never
 * touched, which also keeps context switches cheaper.
 */
#include <uk/essentials.h>
#include <sched_arch.h>
#include "tls.h"

#define PT_TLS 7

struct elf64_ehdr {
	unsigned char ident[16];
	uint16_t type, machine;
	uint32_t version;
	uint64_t entry, phoff, shoff;
	uint32_t flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf64_phdr {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

/* Defined by the linker when the headers are loaded; weak: maybe not. */
extern const struct elf64_ehdr __ehdr_start __weak;
/* Defined by a platform linker script that describes TLS itself. */
extern const char __uk_tdata_start[] __weak, __uk_tdata_end[] __weak;
extern const char __uk_tls_end[] __weak, __uk_tls_align[] __weak;

static int template_from_symbols(struct uk_tls_tmpl *tmpl)
{
	uintptr_t start = (uintptr_t)__uk_tdata_start;

	if (!start || (uintptr_t)__uk_tls_end <= start)
		return 0;
	tmpl->data = __uk_tdata_start;
	tmpl->filesz = (uintptr_t)__uk_tdata_end - start;
	tmpl->memsz = (uintptr_t)__uk_tls_end - start;
	tmpl->align = (uintptr_t)__uk_tls_align ? (uintptr_t)__uk_tls_align
						 : 16;
	return 1;
}

static int template_find(struct uk_tls_tmpl *tmpl)
{
	const struct elf64_ehdr *eh = &__ehdr_start;
	const struct elf64_phdr *ph;
	unsigned int i;

	tmpl->memsz = 0;
	if (template_from_symbols(tmpl))
		return 1;
	if (!eh || eh->ident[0] != 0x7f || eh->ident[1] != 'E' ||
	    eh->ident[2] != 'L' || eh->ident[3] != 'F' ||
	    eh->phentsize != sizeof(*ph))
		return 0;
	ph = (const struct elf64_phdr *)((const char *)eh + eh->phoff);
	for (i = 0; i < eh->phnum; i++, ph++) {
		if (ph->type != PT_TLS)
			continue;
		tmpl->data = (const void *)(uintptr_t)ph->vaddr;
		tmpl->filesz = ph->filesz;
		tmpl->memsz = ph->memsz;
		tmpl->align = ph->align ? ph->align : 1;
		return tmpl->memsz > 0;
	}
	return 0;
}

/* Looked up once: every thread creation asks. */
int _uk_tls_template(struct uk_tls_tmpl *tmpl)
{
	static struct uk_tls_tmpl cached;
	static int state;	/* 0: not looked up, 1: none, 2: found */

	if (!state)
		state = template_find(&cached) ? 2 : 1;
	*tmpl = cached;
	return state == 2;
}
