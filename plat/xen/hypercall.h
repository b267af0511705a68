/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hypercalls of a PVH guest: a call into the hypercall page Xen filled
 * in (hypercall.c), entry @op at @op * 32, arguments in rdi, rsi, rdx,
 * r10 and r8, the result in rax (0 or a negative Xen errno, which has
 * Linux's numbering).
 */
#ifndef XEN_HYPERCALL_H
#define XEN_HYPERCALL_H

#include <uk/essentials.h>
#include <xen/xen.h>

extern char _xen_hypercall_page[];

static inline long _xen_hypercall(unsigned int op, unsigned long a1,
				  unsigned long a2, unsigned long a3,
				  unsigned long a4, unsigned long a5)
{
	register unsigned long r10 __asm__("r10") = a4;
	register unsigned long r8 __asm__("r8") = a5;
	long ret;

	__asm__ __volatile__("call *%[entry]"
			     : "=a"(ret), "+D"(a1), "+S"(a2), "+d"(a3),
			       "+r"(r10), "+r"(r8)
			     : [entry] "r"(_xen_hypercall_page + op * 32)
			     : "memory", "rcx", "r11");
	return ret;
}

#define _xen_hc2(op, a, b)	_xen_hypercall(op, (unsigned long)(a), \
					       (unsigned long)(b), 0, 0, 0)
#define _xen_hc3(op, a, b, c)	_xen_hypercall(op, (unsigned long)(a), \
					       (unsigned long)(b), \
					       (unsigned long)(c), 0, 0)

/*
 * Find Xen through its CPUID leaves (0x40000000 + n * 0x100, after a
 * Viridian or other hypervisor's leaves) and have it fill the hypercall
 * page. 0, or -ENODEV when this is not Xen.
 */
int _xen_hypercall_init(void);
/* Xen's version, major << 16 | minor (after _xen_hypercall_init()). */
unsigned int _xen_version(void);

#endif /* XEN_HYPERCALL_H */
