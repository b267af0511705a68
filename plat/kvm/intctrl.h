/* SPDX-License-Identifier: BSD-3-Clause */
/* Interrupt controllers of a kvm image: vectors, PIC, local APIC, IOAPIC. */
#ifndef KVM_INTCTRL_H
#define KVM_INTCTRL_H

#include <uk/essentials.h>
#include <x86/pit.h>

#define KVM_VEC_PIC_BASE	0x20
#define KVM_VEC_IOAPIC_BASE	0x30
#define KVM_IOAPIC_PINS		24
/* Message-signalled interrupts take vectors from here up to the timer. */
#define KVM_VEC_MSI_BASE	0x50
#define KVM_VEC_TIMER		0xf0
#define KVM_VEC_SPURIOUS	0xff

#define KVM_LAPIC_DEFAULT_BASE	0xfee00000UL
#define KVM_IOAPIC_BASE		0xfec00000UL

/*
 * The legacy PICs (pic.c), lines 0-15 on vectors KVM_VEC_PIC_BASE + n;
 * line 2 is the cascade. Only a CPU without a local APIC unmasks any.
 */
#define KVM_PIC_CASCADE_LINE	2
void _kvm_pic_init(void);	/* remapped, every line masked */
void _kvm_pic_unmask(unsigned int line);
/* Level or edge through the ELCR; -EINVAL for lines fixed at edge. */
int _kvm_pic_set_level(unsigned int line, int level);
/* 1 for a spurious IRQ 7 or 15, which must not be acknowledged. */
int _kvm_pic_spurious(unsigned int line);
void _kvm_pic_eoi(unsigned int line);

/*
 * 1 if the CPU has a local APIC (CPUID, or one answering at its address:
 * after paging); without one, no IOAPIC, no MSI.
 */
int _kvm_lapic_present(void);
/*
 * The local APIC (lapic.c): enabled, task priority 0, timer masked;
 * the PICs' interrupts pass through LINT0 if @pic_through (no IOAPIC).
 */
void _kvm_lapic_init(int pic_through);
uintptr_t _kvm_lapic_base(void);
void _kvm_lapic_eoi(void);
uint32_t _kvm_lapic_read(unsigned int reg);
void _kvm_lapic_write(unsigned int reg, uint32_t v);

#define LAPIC_ID		0x020
#define LAPIC_TPR		0x080
#define LAPIC_EOI		0x0b0
#define LAPIC_SVR		0x0f0
#define LAPIC_LVT_TIMER		0x320
#define LAPIC_TIMER_INIT	0x380
#define LAPIC_TIMER_CUR		0x390
#define LAPIC_TIMER_DIV		0x3e0
#define LAPIC_LVT_MASKED	(1U << 16)
#define LAPIC_TIMER_TSC_DEADLINE (2U << 17)
#define LAPIC_TIMER_DIV_1	0x0b

/*
 * The IOAPIC (ioapic.c): every pin masked at init; -ENODEV when none
 * answers at its address (-M isapc: the PICs carry the lines).
 */
int _kvm_ioapic_init(void);
/* Deliver ISA IRQ @irq to @vector on the boot CPU and unmask it. */
void _kvm_ioapic_route(unsigned int irq, unsigned int vector);
/*
 * Trigger mode and polarity of ISA IRQ @irq (default edge, active high),
 * applied now if routed and at every later route; 0 or -EINVAL.
 */
int _kvm_ioapic_set_trigger(unsigned int irq, int level, int active_low);

/*
 * The PIT's channel 0 (tsc.c measures the TSC against it at boot; timer.c
 * uses it as the timer when there is no local APIC), on PIC line 0.
 */
#define KVM_PIT_LINE		0

/* The timer interrupt (timer.c), called with the EOI already sent. */
void _kvm_timer_fire(void);

#endif /* KVM_INTCTRL_H */
