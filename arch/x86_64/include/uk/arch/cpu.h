/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * x86-64 CPU helpers: port I/O, MSRs, CPUID, control registers, the TSC,
 * interrupt flag. Header-only wrappers around single instructions, usable
 * from any kernel platform (kvm today, xen later). None of them may be
 * used on linuxu, where they fault in user mode.
 */
#ifndef UK_ARCH_CPU_H
#define UK_ARCH_CPU_H

#include <uk/essentials.h>

/* RFLAGS */
#define X86_RFLAGS_IF		(1UL << 9)

/* CR0 */
#define X86_CR0_PE		(1UL << 0)
#define X86_CR0_MP		(1UL << 1)
#define X86_CR0_EM		(1UL << 2)
#define X86_CR0_TS		(1UL << 3)
#define X86_CR0_NE		(1UL << 5)
#define X86_CR0_WP		(1UL << 16)
#define X86_CR0_PG		(1UL << 31)

/* CR4 */
#define X86_CR4_PAE		(1UL << 5)
#define X86_CR4_OSFXSR		(1UL << 9)
#define X86_CR4_OSXMMEXCPT	(1UL << 10)
#define X86_CR4_OSXSAVE		(1UL << 18)

/* MSRs */
#define X86_MSR_APIC_BASE	0x0000001b
#define X86_MSR_TSC_DEADLINE	0x000006e0
#define X86_MSR_EFER		0xc0000080
#define X86_EFER_LME		(1UL << 8)
#define X86_EFER_NXE		(1UL << 11)

/* CPUID feature bits */
#define X86_CPUID1_ECX_TSC_DEADLINE	(1U << 24)
#define X86_CPUID1_ECX_XSAVE		(1U << 26)
#define X86_CPUID1_ECX_AVX		(1U << 28)
#define X86_CPUID1_ECX_HYPERVISOR	(1U << 31)
#define X86_CPUID1_EDX_APIC		(1U << 9)
#define X86_CPUID81_EDX_NX		(1U << 20)
#define X86_CPUID81_EDX_PAGE1GB		(1U << 26)
#define X86_CPUID81_EDX_LM		(1U << 29)

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outw(uint16_t port, uint16_t v)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outl(uint16_t port, uint32_t v)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint16_t inw(uint16_t port)
{
	uint16_t v;

	__asm__ __volatile__("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint32_t inl(uint16_t port)
{
	uint32_t v;

	__asm__ __volatile__("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ __volatile__("wrmsr"
			     : : "c"(msr), "a"((uint32_t)v),
			       "d"((uint32_t)(v >> 32)) : "memory");
}

struct x86_cpuid {
	uint32_t eax, ebx, ecx, edx;
};

static inline struct x86_cpuid cpuid(uint32_t leaf, uint32_t subleaf)
{
	struct x86_cpuid r;

	__asm__ __volatile__("cpuid"
			     : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx),
			       "=d"(r.edx)
			     : "a"(leaf), "c"(subleaf));
	return r;
}

/* The highest leaf of the range @base belongs to (0 or 0x80000000). */
static inline uint32_t cpuid_max(uint32_t base)
{
	return cpuid(base, 0).eax;
}

/*
 * The TSC. Not serialising: two reads may be reordered with the loads
 * around them, which is fine for clocks at the nanosecond scale.
 */
static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

#define X86_DEFINE_CR(n)                                                   \
	static inline unsigned long read_cr##n(void)                       \
	{                                                                  \
		unsigned long v;                                           \
		__asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(v));      \
		return v;                                                  \
	}                                                                  \
	static inline void write_cr##n(unsigned long v)                    \
	{                                                                  \
		__asm__ __volatile__("mov %0, %%cr" #n : : "r"(v)          \
				     : "memory");                          \
	}
X86_DEFINE_CR(0)
X86_DEFINE_CR(2)
X86_DEFINE_CR(3)
X86_DEFINE_CR(4)
#undef X86_DEFINE_CR

static inline void xsetbv(uint32_t reg, uint64_t v)
{
	__asm__ __volatile__("xsetbv"
			     : : "c"(reg), "a"((uint32_t)v),
			       "d"((uint32_t)(v >> 32)));
}

static inline unsigned long read_rflags(void)
{
	unsigned long f;

	__asm__ __volatile__("pushfq; popq %0" : "=r"(f));
	return f;
}

static inline void irq_cli(void)
{
	__asm__ __volatile__("cli" : : : "memory");
}

static inline void irq_sti(void)
{
	__asm__ __volatile__("sti" : : : "memory");
}

/*
 * Enable interrupts and halt in one step: STI delays interrupts by one
 * instruction, so one that is already pending wakes the HLT instead of
 * being taken before it and then sleeping forever.
 */
static inline void irq_sti_hlt(void)
{
	__asm__ __volatile__("sti; hlt" : : : "memory");
}

static inline void cpu_hlt(void)
{
	__asm__ __volatile__("hlt" : : : "memory");
}

static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause" : : : "memory");
}

static inline void invlpg(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

/*
 * MMIO accessors, the one place that makes device register accesses:
 * volatile, so the compiler neither merges nor drops them, and of the
 * register's width (x86 keeps device accesses in program order).
 */
static inline uint8_t mmio_read8(uintptr_t addr)
{
	return *(volatile uint8_t *)addr;
}

static inline uint16_t mmio_read16(uintptr_t addr)
{
	return *(volatile uint16_t *)addr;
}

static inline uint32_t mmio_read32(uintptr_t addr)
{
	return *(volatile uint32_t *)addr;
}

static inline void mmio_write8(uintptr_t addr, uint8_t v)
{
	*(volatile uint8_t *)addr = v;
}

static inline void mmio_write16(uintptr_t addr, uint16_t v)
{
	*(volatile uint16_t *)addr = v;
}

static inline void mmio_write32(uintptr_t addr, uint32_t v)
{
	*(volatile uint32_t *)addr = v;
}

#endif /* UK_ARCH_CPU_H */
