/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The GDT, the TSS and the IDT. Long mode ignores segment bases and
 * limits, so the GDT holds just what the CPU still insists on: one 64-bit
 * code segment, one data segment, and the TSS, whose only job here is to
 * name the IST stacks that double faults, NMIs, machine checks and page
 * faults switch to (a fault on a broken stack must not use that stack).
 */
#include <uk/arch/traps.h>

struct tss64 {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __packed;

struct idt_gate {
	uint16_t off_lo;
	uint16_t sel;
	uint8_t ist;
	uint8_t type;
	uint16_t off_mid;
	uint32_t off_hi;
	uint32_t reserved;
} __packed;

struct desc_ptr {
	uint16_t limit;
	uint64_t base;
} __packed;

#define GDT_CODE64	0x00af9a000000ffffULL	/* P, DPL0, code, L */
#define GDT_DATA	0x00cf92000000ffffULL	/* P, DPL0, data, RW */
#define GATE_INTR	0x8e			/* P, DPL0, interrupt gate */
#define TSS_TYPE_AVAIL	0x89ULL			/* P, 64-bit TSS available */

extern const char _ukarch_trap_stubs[];
#define TRAP_STUB_SIZE 16

static struct {
	uint64_t gdt[5];	/* null, code, data, TSS (two slots) */
	struct tss64 tss;
	struct idt_gate idt[256];
} desc __aligned(64);

static void gdt_set_tss(void)
{
	uint64_t base = (uintptr_t)&desc.tss;
	uint64_t limit = sizeof(desc.tss) - 1;

	desc.gdt[UKARCH_SEL_TSS / 8] = (limit & 0xffff) |
		((base & 0xffffff) << 16) | (TSS_TYPE_AVAIL << 40) |
		(((limit >> 16) & 0xf) << 48) | (((base >> 24) & 0xff) << 56);
	desc.gdt[UKARCH_SEL_TSS / 8 + 1] = base >> 32;
}

static void idt_set(unsigned int vec, unsigned int ist)
{
	uint64_t off = (uintptr_t)_ukarch_trap_stubs + vec * TRAP_STUB_SIZE;
	struct idt_gate *g = &desc.idt[vec];

	g->off_lo = off & 0xffff;
	g->sel = UKARCH_SEL_CODE;
	g->ist = ist;
	g->type = GATE_INTR;
	g->off_mid = (off >> 16) & 0xffff;
	g->off_hi = off >> 32;
	g->reserved = 0;
}

static void load_tables(void)
{
	struct desc_ptr gdtr = { sizeof(desc.gdt) - 1, (uintptr_t)desc.gdt };
	struct desc_ptr idtr = { sizeof(desc.idt) - 1, (uintptr_t)desc.idt };
	unsigned long tmp;

	/*
	 * Reload CS with a far return (there is no far jump to an absolute
	 * address in long mode), then the data segments; FS and GS stay
	 * null so their bases belong to whoever sets them by MSR.
	 */
	__asm__ __volatile__(
		"lgdt %[gdtr]\n\t"
		"pushq %[cs]\n\t"
		"leaq 1f(%%rip), %[tmp]\n\t"
		"pushq %[tmp]\n\t"
		"lretq\n"
		"1:\n\t"
		"movl %[ds], %k[tmp]\n\t"
		"movw %w[tmp], %%ds\n\t"
		"movw %w[tmp], %%es\n\t"
		"movw %w[tmp], %%ss\n\t"
		"xorl %k[tmp], %k[tmp]\n\t"
		"movw %w[tmp], %%fs\n\t"
		"movw %w[tmp], %%gs\n\t"
		"ltr %w[tss]\n\t"
		"lidt %[idtr]"
		: [tmp] "=&r"(tmp)
		: [gdtr] "m"(gdtr), [idtr] "m"(idtr),
		  [cs] "i"(UKARCH_SEL_CODE), [ds] "i"(UKARCH_SEL_DATA),
		  [tss] "r"((uint16_t)UKARCH_SEL_TSS)
		: "memory");
}

void ukarch_traps_init(const uintptr_t ist_top[UKARCH_NR_IST])
{
	unsigned int i;

	desc.gdt[0] = 0;
	desc.gdt[UKARCH_SEL_CODE / 8] = GDT_CODE64;
	desc.gdt[UKARCH_SEL_DATA / 8] = GDT_DATA;
	gdt_set_tss();

	for (i = 0; i < UKARCH_NR_IST; i++)
		desc.tss.ist[i] = ist_top[i] & ~15UL;
	/* No I/O bitmap: the offset points past the TSS limit. */
	desc.tss.iomap_base = sizeof(desc.tss);

	for (i = 0; i < ARRAY_SIZE(desc.idt); i++)
		idt_set(i, 0);
	idt_set(X86_TRAP_DF, UKARCH_IST_DF);
	idt_set(X86_TRAP_NMI, UKARCH_IST_NMI);
	idt_set(X86_TRAP_MC, UKARCH_IST_MC);
	idt_set(X86_TRAP_PF, UKARCH_IST_PF);

	load_tables();
}
