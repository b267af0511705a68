/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupts of a kvm image. With a local APIC (every real x86-64 CPU):
 * the legacy PICs are remapped out of the exception range and masked for
 * good, device lines go through the IOAPIC, the timer is the local
 * APIC's. Vectors:
 *   0x20-0x2f  PIC (only spurious interrupts can arrive: ignored)
 *   0x30-0x47  IOAPIC pins 0-23 (ISA IRQ n is pin n, but IRQ 0 is pin 2)
 *   0x50-0xef  message-signalled interrupts (MSI/MSI-X), one handler each
 *   0xf0       local APIC timer
 *   0xff       local APIC spurious vector (no EOI)
 * Without one (a hypervisor hiding it): the PICs carry lines 0-15 on
 * 0x20-0x2f, line 0 being the PIT, which is then the timer; there are
 * no MSIs and no lines above 15 (microvm's virtio-mmio lines: those
 * devices are polled).
 * A local APIC without an IOAPIC (-M isapc): the local APIC's timer and
 * MSIs, device lines on the PICs, whose interrupts come through the
 * local APIC's LINT0 (ExtINT: the PIC gets the EOI, not the APIC).
 * What is there is probed (lapic.c, ioapic.c), not taken from CPUID.
 * Handlers run with interrupts disabled and the extended state saved.
 */
#include <errno.h>
#include <uk/arch/cpu.h>
#include <uk/arch/traps.h>
#include <uk/plat/irq.h>
#include <kvm/intctrl.h>
#include <kvm/setup.h>

#define IRQ_MAX_HANDLERS 16
#define IRQ_MAX_MSI	(KVM_VEC_TIMER - KVM_VEC_MSI_BASE)
/* The MSI address of the boot CPU: fixed destination, physical mode. */
#define MSI_ADDR_BASE	0xfee00000UL

static struct {
	int apic;		/* a local APIC: its timer, MSIs */
	int ioapic;		/* lines on the IOAPIC, else the PICs */
	unsigned int nr_handlers;
	struct {
		unsigned int irq;
		uk_irq_handler_t fn;
		void *arg;
	} handlers[IRQ_MAX_HANDLERS];
	/* Vector KVM_VEC_MSI_BASE + i calls msi[i]; i < nr_msi. */
	unsigned int nr_msi;
	struct {
		uk_irq_handler_t fn;
		void *arg;
	} msi[IRQ_MAX_MSI];
} irq;

void uk_plat_irq_enable(void)
{
	irq_sti();
}

void uk_plat_irq_disable(void)
{
	irq_cli();
}

int uk_plat_irq_enabled(void)
{
	return !!(read_rflags() & X86_RFLAGS_IF);
}

unsigned long uk_plat_irq_save(void)
{
	unsigned long flags = read_rflags();

	irq_cli();
	return flags & X86_RFLAGS_IF;
}

void uk_plat_irq_restore(unsigned long flags)
{
	if (flags & X86_RFLAGS_IF)
		irq_sti();
	else
		irq_cli();
}

void uk_plat_halt_irq(void)
{
	/* STI;HLT is atomic: a pending interrupt ends the HLT. */
	irq_sti_hlt();
	irq_cli();
}

/* A line a device may use: not the PICs' cascade nor the PIT's. */
static int valid_line(unsigned int line)
{
	if (irq.ioapic)
		return line < KVM_IOAPIC_PINS;
	return line < 16 && line != KVM_PIC_CASCADE_LINE &&
	       line != KVM_PIT_LINE;
}

int uk_plat_irq_msi_supported(void)
{
	return irq.apic;
}

int uk_plat_irq_register(unsigned int line, uk_irq_handler_t fn, void *arg)
{
	unsigned long flags;
	unsigned int i;
	int first = 1;

	if (!valid_line(line) || !fn)
		return -EINVAL;
	flags = uk_plat_irq_save();
	if (irq.nr_handlers == IRQ_MAX_HANDLERS) {
		uk_plat_irq_restore(flags);
		return -ENOMEM;
	}
	for (i = 0; i < irq.nr_handlers; i++)
		if (irq.handlers[i].irq == line)
			first = 0;
	irq.handlers[irq.nr_handlers].irq = line;
	irq.handlers[irq.nr_handlers].fn = fn;
	irq.handlers[irq.nr_handlers].arg = arg;
	irq.nr_handlers++;
	if (first && irq.ioapic)
		_kvm_ioapic_route(line, KVM_VEC_IOAPIC_BASE + line);
	else if (first)
		_kvm_pic_unmask(line);
	uk_plat_irq_restore(flags);
	return 0;
}

int uk_plat_irq_set_trigger(unsigned int line, enum uk_irq_trigger trig)
{
	unsigned long flags;
	int rc;

	if (!valid_line(line) || trig > UK_IRQ_TRIGGER_LEVEL_HIGH)
		return -EINVAL;
	flags = uk_plat_irq_save();
	if (irq.ioapic)
		rc = _kvm_ioapic_set_trigger(line,
					     trig != UK_IRQ_TRIGGER_EDGE_HIGH,
					     trig == UK_IRQ_TRIGGER_LEVEL_LOW);
	else	/* a PIC line's polarity is the bus's business */
		rc = _kvm_pic_set_level(line,
					trig != UK_IRQ_TRIGGER_EDGE_HIGH);
	uk_plat_irq_restore(flags);
	return rc;
}

int uk_plat_irq_alloc_msi(uk_irq_handler_t fn, void *arg,
			  struct uk_irq_msi *msg)
{
	unsigned long flags;
	unsigned int i;

	if (!fn || !msg)
		return -EINVAL;
	if (!irq.apic)
		return -ENOTSUP;	/* messages go to a local APIC */
	flags = uk_plat_irq_save();
	if (irq.nr_msi == IRQ_MAX_MSI) {
		uk_plat_irq_restore(flags);
		return -ENOSPC;
	}
	i = irq.nr_msi;
	irq.msi[i].fn = fn;
	irq.msi[i].arg = arg;
	irq.nr_msi++;
	uk_plat_irq_restore(flags);
	msg->addr = MSI_ADDR_BASE |
		    ((_kvm_lapic_read(LAPIC_ID) >> 24) << 12);
	/* Fixed delivery, edge: only the vector. */
	msg->data = KVM_VEC_MSI_BASE + i;
	return KVM_VEC_MSI_BASE + i;
}

static void call_handlers(unsigned int line)
{
	unsigned int i;

	for (i = 0; i < irq.nr_handlers; i++)
		if (irq.handlers[i].irq == line)
			irq.handlers[i].fn(irq.handlers[i].arg);
}

/*
 * Without an IOAPIC: PIC lines; without a local APIC, the PIT's is the
 * timer.
 */
static void dispatch_pic(unsigned int vector)
{
	unsigned int line = vector - KVM_VEC_PIC_BASE;

	if (line >= 16 || _kvm_pic_spurious(line))
		return;
	if (line == KVM_PIT_LINE && !irq.apic) {
		_kvm_pic_eoi(line);
		_kvm_timer_fire();
		return;
	}
	call_handlers(line);
	_kvm_pic_eoi(line);
}

static void dispatch(unsigned int vector, struct ukarch_regs *regs __unused)
{
	unsigned int i;

	if (!irq.apic) {
		dispatch_pic(vector);
		return;
	}
	if (vector == KVM_VEC_SPURIOUS)
		return;
	if (vector >= KVM_VEC_PIC_BASE && vector < KVM_VEC_PIC_BASE + 16) {
		/* ExtINT through LINT0: no local APIC EOI. */
		if (!irq.ioapic)
			dispatch_pic(vector);
		return;
	}
	if (vector == KVM_VEC_TIMER) {
		_kvm_lapic_eoi();
		_kvm_timer_fire();
		return;
	}
	if (vector >= KVM_VEC_IOAPIC_BASE &&
	    vector < KVM_VEC_IOAPIC_BASE + KVM_IOAPIC_PINS) {
		call_handlers(vector - KVM_VEC_IOAPIC_BASE);
	} else if (vector >= KVM_VEC_MSI_BASE &&
		   vector < KVM_VEC_MSI_BASE + irq.nr_msi) {
		i = vector - KVM_VEC_MSI_BASE;
		irq.msi[i].fn(irq.msi[i].arg);
	}
	_kvm_lapic_eoi();
}

void _kvm_irq_init(void)
{
	_kvm_pic_init();
	irq.apic = _kvm_lapic_present();
	if (irq.apic) {
		irq.ioapic = _kvm_ioapic_init() == 0;
		_kvm_lapic_init(!irq.ioapic);
	}
	ukarch_irq_set_handler(dispatch);
}
