/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Xen detection and the hypercall page. Xen writes the page's code (one
 * vmcall or vmmcall stub per hypercall, as the CPU needs) into guest
 * memory when the guest writes its address to the MSR CPUID names; the
 * page lies in the image's text, which is executable and which Xen
 * writes regardless of the guest's page permissions.
 */
#include <errno.h>
#include <uk/arch/cpu.h>
#include "hypercall.h"

#define XEN_CPUID_FIRST		0x40000000
#define XEN_CPUID_LAST		0x40010000
#define XEN_CPUID_STEP		0x100
/* "XenVMMXenVMM" in EBX, ECX, EDX. */
#define XEN_SIG_EBX		0x566e6558
#define XEN_SIG_ECX		0x65584d4d
#define XEN_SIG_EDX		0x4d4d566e

__asm__(".pushsection .text.xen_hypercall_page, \"ax\"\n"
	".balign 4096\n"
	".globl _xen_hypercall_page\n"
	"_xen_hypercall_page:\n"
	"	.fill 4096, 1, 0xcc\n"	/* int3 until Xen fills it */
	".popsection\n");

static unsigned int xen_version;

int _xen_hypercall_init(void)
{
	struct x86_cpuid c;
	uint32_t base;

	for (base = XEN_CPUID_FIRST; base < XEN_CPUID_LAST;
	     base += XEN_CPUID_STEP) {
		c = cpuid(base, 0);
		if (c.ebx == XEN_SIG_EBX && c.ecx == XEN_SIG_ECX &&
		    c.edx == XEN_SIG_EDX && c.eax >= base + 2)
			break;
	}
	if (base >= XEN_CPUID_LAST)
		return -ENODEV;

	xen_version = cpuid(base + 1, 0).eax;
	/* Leaf 2: EAX the number of hypercall pages, EBX the MSR. */
	c = cpuid(base + 2, 0);
	if (c.eax < 1)
		return -ENODEV;
	wrmsr(c.ebx, (uintptr_t)_xen_hypercall_page);
	return 0;
}

unsigned int _xen_version(void)
{
	return xen_version;
}
