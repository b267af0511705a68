/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The extended context (uk/arch/ectx.h). XCR0 enables every state
 * component the kernel can save that the CPU offers among x87, SSE, AVX
 * and AVX-512; the save area size then comes from CPUID leaf 0xd. The
 * trap entry code reads _ukarch_ectx_size and _ukarch_ectx_xsave.
 */
#include <uk/arch/cpu.h>
#include <uk/arch/ectx.h>

#define XCR0_X87	(1ULL << 0)
#define XCR0_SSE	(1ULL << 1)
#define XCR0_AVX	(1ULL << 2)
#define XCR0_AVX512	(7ULL << 5)	/* opmask, ZMM_Hi256, Hi16_ZMM */

#define FXSAVE_SIZE	512

/* Read by traps.S: set before interrupts are ever enabled. */
unsigned long _ukarch_ectx_size = FXSAVE_SIZE;
int _ukarch_ectx_xsave;
static uint64_t xcr0;

void ukarch_ectx_init(void)
{
	unsigned long cr0 = read_cr0(), cr4 = read_cr4();
	struct x86_cpuid c1 = cpuid(1, 0);
	uint64_t offered;

	/* The FPU is there (no EM), owned by us (no lazy TS), errors native. */
	cr0 &= ~(X86_CR0_EM | X86_CR0_TS);
	cr0 |= X86_CR0_MP | X86_CR0_NE;
	write_cr0(cr0);
	cr4 |= X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;

	if (c1.ecx & X86_CPUID1_ECX_XSAVE) {
		write_cr4(cr4 | X86_CR4_OSXSAVE);
		offered = cpuid(0xd, 0).eax;
		xcr0 = XCR0_X87 | XCR0_SSE;
		if ((offered & XCR0_AVX) && (c1.ecx & X86_CPUID1_ECX_AVX)) {
			xcr0 |= XCR0_AVX;
			/* AVX-512 needs its three components together. */
			if ((offered & XCR0_AVX512) == XCR0_AVX512)
				xcr0 |= XCR0_AVX512;
		}
		xsetbv(0, xcr0);
		/* EBX: the size for the components enabled right now. */
		_ukarch_ectx_size = cpuid(0xd, 0).ebx;
		_ukarch_ectx_xsave = 1;
	} else {
		write_cr4(cr4);
	}
	__asm__ __volatile__("fninit");
}

size_t ukarch_ectx_size(void)
{
	return _ukarch_ectx_size;
}

uint64_t ukarch_ectx_xcr0(void)
{
	return xcr0;
}

void ukarch_ectx_save(void *buf)
{
	if (_ukarch_ectx_xsave) {
		/* XRSTOR refuses a header whose reserved bytes are not 0. */
		__builtin_memset((char *)buf + 512, 0, 64);
		__asm__ __volatile__("xsave64 (%0)"
				     : : "r"(buf), "a"(-1), "d"(-1)
				     : "memory");
	} else {
		__asm__ __volatile__("fxsave64 (%0)" : : "r"(buf) : "memory");
	}
}

void ukarch_ectx_restore(const void *buf)
{
	if (_ukarch_ectx_xsave)
		__asm__ __volatile__("xrstor64 (%0)"
				     : : "r"(buf), "a"(-1), "d"(-1)
				     : "memory");
	else
		__asm__ __volatile__("fxrstor64 (%0)" : : "r"(buf) : "memory");
}
