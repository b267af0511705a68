/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The two legacy 8259 PICs, master and slave on master line 2. They are
 * always remapped away from the exception vectors (a stray IRQ 0 on
 * vector 8 would look like a double fault) and start with every line
 * masked. With a local APIC that is all they see: lines go through the
 * IOAPIC. A CPU without a local APIC has only them: lines are unmasked
 * as handlers attach, PCI lines made level-triggered through the ELCR
 * registers (PIIX), and every interrupt ends with an EOI, except the
 * spurious IRQ 7 and 15 a PIC raises when a line drops before it is
 * acknowledged.
 */
#include <errno.h>
#include <uk/arch/cpu.h>
#include <kvm/intctrl.h>

#define PIC1_CMD	0x20
#define PIC1_DATA	0x21
#define PIC2_CMD	0xa0
#define PIC2_DATA	0xa1
#define PIC_ELCR1	0x4d0	/* edge/level control, lines 0-7 */
#define PIC_ELCR2	0x4d1	/* lines 8-15 */
/* Lines whose ELCR bit is fixed at edge: PIT, keyboard, cascade, RTC, FPU. */
#define ELCR_EDGE_ONLY	((1U << 0) | (1U << 1) | (1U << 2) | (1U << 8) | \
			 (1U << 13))
#define ICW1_INIT_ICW4	0x11
#define ICW4_8086	0x01
#define OCW2_EOI	0x20
#define OCW3_READ_ISR	0x0b

static struct {
	uint16_t mask;		/* bit n set: line n masked */
} pic = { .mask = 0xffff };

static void write_mask(void)
{
	outb(PIC1_DATA, pic.mask & 0xff);
	outb(PIC2_DATA, pic.mask >> 8);
}

void _kvm_pic_init(void)
{
	outb(PIC1_CMD, ICW1_INIT_ICW4);
	outb(PIC2_CMD, ICW1_INIT_ICW4);
	outb(PIC1_DATA, KVM_VEC_PIC_BASE);
	outb(PIC2_DATA, KVM_VEC_PIC_BASE + 8);
	outb(PIC1_DATA, 1 << KVM_PIC_CASCADE_LINE);	/* slave on line 2 */
	outb(PIC2_DATA, KVM_PIC_CASCADE_LINE);		/* slave identity */
	outb(PIC1_DATA, ICW4_8086);
	outb(PIC2_DATA, ICW4_8086);
	pic.mask = 0xffff;
	write_mask();
}

void _kvm_pic_unmask(unsigned int line)
{
	pic.mask &= ~(1U << line);
	/* A slave line needs the cascade line open too. */
	if (line >= 8)
		pic.mask &= ~(1U << KVM_PIC_CASCADE_LINE);
	write_mask();
}

int _kvm_pic_set_level(unsigned int line, int level)
{
	unsigned int port = line < 8 ? PIC_ELCR1 : PIC_ELCR2;
	uint8_t bit = 1U << (line & 7), v;

	/* The PIIX wires these as edge-triggered ISA lines for good. */
	if (level && (ELCR_EDGE_ONLY & (1U << line)))
		return -EINVAL;
	v = inb(port);
	outb(port, level ? v | bit : v & ~bit);
	return 0;
}

static uint8_t isr(unsigned int cmd_port)
{
	outb(cmd_port, OCW3_READ_ISR);
	return inb(cmd_port);
}

int _kvm_pic_spurious(unsigned int line)
{
	if (line == 7)
		return !(isr(PIC1_CMD) & 0x80);
	if (line == 15 && !(isr(PIC2_CMD) & 0x80)) {
		/* The master did take the cascade line: it wants its EOI. */
		outb(PIC1_CMD, OCW2_EOI);
		return 1;
	}
	return 0;
}

void _kvm_pic_eoi(unsigned int line)
{
	if (line >= 8)
		outb(PIC2_CMD, OCW2_EOI);
	outb(PIC1_CMD, OCW2_EOI);
}
