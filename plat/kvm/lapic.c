/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The local APIC in xAPIC mode (memory-mapped; paging.c maps its page
 * uncached). Every x86-64 CPU has one, but a hypervisor can hide it
 * (QEMU -cpu ...,-apic): then the PICs and the PIT stand in (pic.c,
 * timer.c) and nothing here may run but _kvm_lapic_present(). CPUID
 * alone does not tell: QEMU with -smp 2 or more creates local APICs
 * even when CPUID hides them (software-disabled, LINT0 masked, so that
 * the PICs' interrupts never reach the CPU). What answers at the
 * APIC's address decides.
 */
#include <uk/arch/cpu.h>
#include <kvm/intctrl.h>

#define APIC_BASE_ENABLE	(1UL << 11)
#define SVR_ENABLE		(1U << 8)
#define LAPIC_VERSION		0x030
#define LAPIC_LVT_LINT0		0x350
#define LAPIC_LVT_LINT1		0x360
#define LVT_EXTINT		(7U << 8)
#define LVT_NMI			(4U << 8)

static uintptr_t lapic_base = KVM_LAPIC_DEFAULT_BASE;

static int cpuid_apic(void)
{
	return !!(cpuid(1, 0).edx & X86_CPUID1_EDX_APIC);
}

/*
 * An integrated local APIC's version register: version 0x10-0x1f, at
 * least the timer, LINT0, LINT1 and error entries. Nothing at the
 * address reads as all zeros or all ones.
 */
static int lapic_answers(void)
{
	uint32_t v = mmio_read32(KVM_LAPIC_DEFAULT_BASE + LAPIC_VERSION);

	return (v & 0xf0) == 0x10 && ((v >> 16) & 0xff) >= 3 &&
	       ((v >> 16) & 0xff) < 0x80;
}

int _kvm_lapic_present(void)
{
	static int present = -1;

	if (present < 0)
		present = cpuid_apic() || lapic_answers();
	return present;
}

uintptr_t _kvm_lapic_base(void)
{
	/* The MSR is there only when CPUID says so; QEMU's default else. */
	if (!cpuid_apic())
		return KVM_LAPIC_DEFAULT_BASE;
	return rdmsr(X86_MSR_APIC_BASE) & 0xfffff000UL;
}

uint32_t _kvm_lapic_read(unsigned int reg)
{
	return mmio_read32(lapic_base + reg);
}

void _kvm_lapic_write(unsigned int reg, uint32_t v)
{
	mmio_write32(lapic_base + reg, v);
}

void _kvm_lapic_eoi(void)
{
	_kvm_lapic_write(LAPIC_EOI, 0);
}

void _kvm_lapic_init(int pic_through)
{
	uint64_t msr = rdmsr(X86_MSR_APIC_BASE);

	lapic_base = msr & 0xfffff000UL;
	if (!(msr & APIC_BASE_ENABLE))
		wrmsr(X86_MSR_APIC_BASE, msr | APIC_BASE_ENABLE);
	_kvm_lapic_write(LAPIC_LVT_TIMER, LAPIC_LVT_MASKED | KVM_VEC_TIMER);
	/*
	 * The PICs' output is wired to LINT0: in ExtINT mode their
	 * interrupts pass (vector from the PIC, no EOI here); masked, they
	 * are kept out. LINT1 carries NMIs.
	 */
	_kvm_lapic_write(LAPIC_LVT_LINT0, LVT_EXTINT |
			 (pic_through ? 0 : LAPIC_LVT_MASKED));
	_kvm_lapic_write(LAPIC_LVT_LINT1, LVT_NMI);
	_kvm_lapic_write(LAPIC_TPR, 0);
	_kvm_lapic_write(LAPIC_SVR, SVR_ENABLE | KVM_VEC_SPURIOUS);
}
