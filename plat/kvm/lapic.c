/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The local APIC in xAPIC mode (memory-mapped; paging.c maps its page
 * uncached), and the legacy PICs, which are only silenced: remapped away
 * from the exception vectors (a stray IRQ 0 on vector 8 would look like
 * a double fault) and masked.
 */
#include <uk/arch/cpu.h>
#include <kvm/intctrl.h>

#define PIC1_CMD	0x20
#define PIC1_DATA	0x21
#define PIC2_CMD	0xa0
#define PIC2_DATA	0xa1
#define ICW1_INIT_ICW4	0x11
#define ICW4_8086	0x01

#define APIC_BASE_ENABLE	(1UL << 11)
#define SVR_ENABLE		(1U << 8)

static uintptr_t lapic_base = KVM_LAPIC_DEFAULT_BASE;

void _kvm_pic_disable(void)
{
	outb(PIC1_CMD, ICW1_INIT_ICW4);
	outb(PIC2_CMD, ICW1_INIT_ICW4);
	outb(PIC1_DATA, KVM_VEC_PIC_BASE);
	outb(PIC2_DATA, KVM_VEC_PIC_BASE + 8);
	outb(PIC1_DATA, 1 << 2);	/* slave on line 2 */
	outb(PIC2_DATA, 2);		/* slave identity */
	outb(PIC1_DATA, ICW4_8086);
	outb(PIC2_DATA, ICW4_8086);
	outb(PIC1_DATA, 0xff);
	outb(PIC2_DATA, 0xff);
}

uintptr_t _kvm_lapic_base(void)
{
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

void _kvm_lapic_init(void)
{
	uint64_t msr = rdmsr(X86_MSR_APIC_BASE);

	lapic_base = msr & 0xfffff000UL;
	if (!(msr & APIC_BASE_ENABLE))
		wrmsr(X86_MSR_APIC_BASE, msr | APIC_BASE_ENABLE);
	_kvm_lapic_write(LAPIC_LVT_TIMER, LAPIC_LVT_MASKED | KVM_VEC_TIMER);
	_kvm_lapic_write(LAPIC_TPR, 0);
	_kvm_lapic_write(LAPIC_SVR, SVR_ENABLE | KVM_VEC_SPURIOUS);
}
