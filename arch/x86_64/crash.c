/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The crash screen of an exception. It formats by hand into a small
 * buffer and writes with uk_plat_console_out() only: printf, the heap or
 * the stack it was using may be what broke. Register lines use the same
 * "name 0xvalue" layout as linuxu's, so support/scripts/symbolize names
 * the function of "rip 0x..." and of each "#N 0x..." backtrace line.
 */
#include <uk/arch/cpu.h>
#include <uk/arch/traps.h>
#include <uk/plat/console.h>
#if CONFIG_LIBUKDEBUG
#include <uk/assert.h>
#endif

static const char *const trap_names[X86_NR_EXCEPTIONS] = {
	[X86_TRAP_DE] = "divide error",
	[X86_TRAP_DB] = "debug",
	[X86_TRAP_NMI] = "non-maskable interrupt",
	[X86_TRAP_BP] = "breakpoint",
	[X86_TRAP_OF] = "overflow",
	[X86_TRAP_BR] = "bound range exceeded",
	[X86_TRAP_UD] = "invalid opcode",
	[X86_TRAP_NM] = "device not available",
	[X86_TRAP_DF] = "double fault",
	[X86_TRAP_TS] = "invalid TSS",
	[X86_TRAP_NP] = "segment not present",
	[X86_TRAP_SS] = "stack-segment fault",
	[X86_TRAP_GP] = "general protection fault",
	[X86_TRAP_PF] = "page fault",
	[X86_TRAP_MF] = "x87 floating-point error",
	[X86_TRAP_AC] = "alignment check",
	[X86_TRAP_MC] = "machine check",
	[X86_TRAP_XM] = "SIMD floating-point exception",
	[X86_TRAP_VE] = "virtualization exception",
	[X86_TRAP_CP] = "control protection",
};

static ukarch_fault_describe_t fault_describe;

void ukarch_set_fault_describe(ukarch_fault_describe_t fn)
{
	fault_describe = fn;
}

struct line {
	unsigned int len;
	char buf[120];
};

static void flush(struct line *l)
{
	if (l->len)
		uk_plat_console_out(l->buf, l->len);
	l->len = 0;
}

static void put_str(struct line *l, const char *s)
{
	for (; *s; s++) {
		if (l->len == sizeof(l->buf))
			flush(l);
		l->buf[l->len++] = *s;
	}
}

static void put_hex(struct line *l, uint64_t v)
{
	static const char hex[] = "0123456789abcdef";
	char tmp[19];
	int i;

	tmp[0] = '0';
	tmp[1] = 'x';
	for (i = 0; i < 16; i++)
		tmp[2 + i] = hex[(v >> (60 - 4 * i)) & 0xf];
	tmp[18] = '\0';
	put_str(l, tmp);
}

static void put_dec(struct line *l, unsigned long v)
{
	char tmp[21];
	int i = sizeof(tmp) - 1;

	tmp[i] = '\0';
	do {
		tmp[--i] = '0' + v % 10;
		v /= 10;
	} while (v);
	put_str(l, &tmp[i]);
}

static void put_reg(struct line *l, const char *name, uint64_t v)
{
	put_str(l, name);
	put_hex(l, v);
}

static void print_pf(struct line *l, unsigned long err, unsigned long cr2)
{
	put_reg(l, "cr2 ", cr2);
	put_str(l, ": ");
	if (err & X86_PF_INSTR)
		put_str(l, "instruction fetch");
	else if (err & X86_PF_WRITE)
		put_str(l, "write");
	else
		put_str(l, "read");
	put_str(l, (err & X86_PF_PRESENT) ? ", protection violation" :
		    ", page not mapped");
	if (err & X86_PF_RSVD)
		put_str(l, ", reserved bit set");
	put_str(l, "\n");
}

void ukarch_crash_screen(const char *what, const struct ukarch_regs *r)
{
	struct line l = { .len = 0 };
	unsigned long cr2 = read_cr2();
	const char *extra = NULL;

	if (!what)
		what = r->vector < X86_NR_EXCEPTIONS && trap_names[r->vector] ?
		       trap_names[r->vector] : "unexpected interrupt";
	put_str(&l, "crash: ");
	put_str(&l, what);
	put_str(&l, " (vector ");
	put_dec(&l, r->vector);
	put_str(&l, "), error code ");
	put_hex(&l, r->error);
	put_str(&l, "\n");
	if (r->vector == X86_TRAP_PF)
		print_pf(&l, r->error, cr2);
	if (fault_describe)
		extra = fault_describe(r, cr2);
	if (extra) {
		put_str(&l, "crash: ");
		put_str(&l, extra);
		put_str(&l, "\n");
	}

	/* Three registers per line, in the order people look for them. */
	put_reg(&l, " rip ", r->rip);
	put_reg(&l, "  rsp ", r->rsp);
	put_reg(&l, "  rbp ", r->rbp);
	put_reg(&l, "\n rax ", r->rax);
	put_reg(&l, "  rbx ", r->rbx);
	put_reg(&l, "  rcx ", r->rcx);
	put_reg(&l, "\n rdx ", r->rdx);
	put_reg(&l, "  rsi ", r->rsi);
	put_reg(&l, "  rdi ", r->rdi);
	put_reg(&l, "\n r8  ", r->r8);
	put_reg(&l, "  r9  ", r->r9);
	put_reg(&l, "  r10 ", r->r10);
	put_reg(&l, "\n r11 ", r->r11);
	put_reg(&l, "  r12 ", r->r12);
	put_reg(&l, "  r13 ", r->r13);
	put_reg(&l, "\n r14 ", r->r14);
	put_reg(&l, "  r15 ", r->r15);
	put_reg(&l, "  rflags ", r->rflags);
	put_reg(&l, "\n cs  ", r->cs);
	put_reg(&l, "  ss  ", r->ss);
	put_reg(&l, "  cr2 ", cr2);
	put_reg(&l, "\n cr0 ", read_cr0());
	put_reg(&l, "  cr3 ", read_cr3());
	put_reg(&l, "  cr4 ", read_cr4());
	put_str(&l, "\n");
	flush(&l);
#if CONFIG_LIBUKDEBUG
	uk_backtrace_print(r->rbp);
#endif
}
