/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The TLS template: where the initial values of the program's __thread
 * variables are and how large a thread's copy must be. The linker
 * describes it in the PT_TLS program header; the ELF header and program
 * headers are part of the loaded image when the linker script maps them
 * (the default GNU ld script does, and defines __ehdr_start there). An
 * image without them, or without __thread variables, has an empty
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
extern const struct elf64_ehdr __ehdr_start __attribute__((weak));

int _uk_tls_template(struct uk_tls_tmpl *tmpl)
{
	const struct elf64_ehdr *eh = &__ehdr_start;
	const struct elf64_phdr *ph;
	unsigned int i;

	tmpl->memsz = 0;
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
