/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The one-shot timer, the first of:
 *   - the local APIC timer in TSC-deadline mode, when the CPU has it
 *     (the deadline is written in TSC ticks: nothing to convert but the
 *     clock itself);
 *   - the local APIC timer in one-shot count-down mode. It runs at the
 *     APIC bus rate, which nothing reports: it is measured against the
 *     TSC on the first arm (about 100 us, paid only by images that use
 *     the timer);
 *   - without a local APIC, the PIT's channel 0 in mode 0 (interrupt on
 *     terminal count) on PIC line 0: 1.193182 MHz, at most 16 bits, so
 *     a deadline more than 55 ms ahead takes several rounds.
 * An expiry before the deadline (a count clamped to its width, a rate
 * measured a little fast) re-arms for the rest instead of calling the
 * handler, so the handler never runs early.
 */
#include <errno.h>
#include <uk/arch/cpu.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>
#include <kvm/intctrl.h>
#include <x86/tsc.h>
#include <kvm/setup.h>

#define LAPIC_CALIBRATE_NS	100000ULL

enum timer_kind { TIMER_TSC_DEADLINE, TIMER_LAPIC, TIMER_PIT };

static struct {
	uk_plat_timer_handler_t fn;
	void *arg;
	__nsec deadline;	/* 0: disarmed */
	enum timer_kind kind;
	uint64_t lapic_hz;	/* count-down mode: ticks per second */
} timer;

void _kvm_timer_init(void)
{
	if (!_kvm_lapic_present()) {
		timer.kind = TIMER_PIT;
		/*
		 * A control word without a count stops a real 8254; QEMU's
		 * and KVM's keep counting down what ran (the TSC
		 * measurement), and the interrupt that comes of it finds
		 * no deadline and is dropped (_kvm_timer_fire()).
		 */
		outb(PIT_CMD, PIT_CMD_CH0_MODE0);
		_kvm_pic_unmask(KVM_PIT_LINE);
		return;
	}
	timer.kind = (cpuid(1, 0).ecx & X86_CPUID1_ECX_TSC_DEADLINE) ?
		     TIMER_TSC_DEADLINE : TIMER_LAPIC;
	_kvm_lapic_write(LAPIC_LVT_TIMER, LAPIC_LVT_MASKED | KVM_VEC_TIMER);
}

static void lapic_calibrate(void)
{
	uint64_t t0, t1, stop;
	uint32_t c0, c1;

	_kvm_lapic_write(LAPIC_TIMER_DIV, LAPIC_TIMER_DIV_1);
	_kvm_lapic_write(LAPIC_LVT_TIMER, LAPIC_LVT_MASKED | KVM_VEC_TIMER);
	_kvm_lapic_write(LAPIC_TIMER_INIT, 0xffffffff);
	t0 = rdtsc();
	c0 = _kvm_lapic_read(LAPIC_TIMER_CUR);
	stop = t0 + _x86_ns_to_tsc(LAPIC_CALIBRATE_NS);
	do {
		t1 = rdtsc();
	} while (t1 < stop);
	c1 = _kvm_lapic_read(LAPIC_TIMER_CUR);
	_kvm_lapic_write(LAPIC_TIMER_INIT, 0);

	timer.lapic_hz = (uint64_t)(c0 - c1) * UK_NSEC_PER_SEC /
			 (_x86_tsc_to_ns(t1) - _x86_tsc_to_ns(t0) ?: 1);
	if (!timer.lapic_hz)
		timer.lapic_hz = 1000000000;	/* QEMU's rate, at worst */
}

/* Ticks of a @hz counter in @delta ns, at least 1, at most @max. */
static uint64_t ticks_in(__nsec delta, uint64_t hz, uint64_t max)
{
	uint64_t ticks;

	/* delta * hz / 1e9 without overflow (delta < 4000 s here). */
	if (delta >= 4 * UK_NSEC_PER_SEC * 1000)
		return max;
	ticks = delta / 1000 * hz / 1000000 +
		delta % 1000 * hz / UK_NSEC_PER_SEC;
	return ticks > max ? max : ticks ?: 1;
}

static void program_pit(__nsec delta)
{
	uint64_t ticks = ticks_in(delta, PIT_HZ, 0xffff);

	/* The control word drops OUT; the count's high byte starts it. */
	outb(PIT_CMD, PIT_CMD_CH0_MODE0);
	outb(PIT_CH0, ticks & 0xff);
	outb(PIT_CH0, ticks >> 8);
}

static void program(__nsec deadline)
{
	__nsec now, delta;

	if (timer.kind == TIMER_TSC_DEADLINE) {
		_kvm_lapic_write(LAPIC_LVT_TIMER,
				 LAPIC_TIMER_TSC_DEADLINE | KVM_VEC_TIMER);
		/* 0 would disarm: a deadline at tick 0 is long past anyway. */
		wrmsr(X86_MSR_TSC_DEADLINE, _x86_ns_to_tsc(deadline) ?: 1);
		return;
	}
	if (timer.kind == TIMER_LAPIC && !timer.lapic_hz)
		lapic_calibrate();
	now = uk_plat_monotonic_ns();
	delta = deadline > now ? deadline - now : 0;
	if (timer.kind == TIMER_PIT) {
		program_pit(delta);
		return;
	}
	_kvm_lapic_write(LAPIC_TIMER_DIV, LAPIC_TIMER_DIV_1);
	_kvm_lapic_write(LAPIC_LVT_TIMER, KVM_VEC_TIMER);	/* one-shot */
	_kvm_lapic_write(LAPIC_TIMER_INIT,
			 ticks_in(delta, timer.lapic_hz, 0xffffffff));
}

static void disarm(void)
{
	switch (timer.kind) {
	case TIMER_PIT:
		/* Stops a real 8254; an emulated one may still fire once. */
		outb(PIT_CMD, PIT_CMD_CH0_MODE0);
		return;
	case TIMER_TSC_DEADLINE:
		wrmsr(X86_MSR_TSC_DEADLINE, 0);
		break;
	case TIMER_LAPIC:
		_kvm_lapic_write(LAPIC_TIMER_INIT, 0);
		break;
	}
	_kvm_lapic_write(LAPIC_LVT_TIMER, LAPIC_LVT_MASKED | KVM_VEC_TIMER);
}

void uk_plat_timer_set_handler(uk_plat_timer_handler_t fn, void *arg)
{
	unsigned long flags = uk_plat_irq_save();

	timer.fn = fn;
	timer.arg = arg;
	uk_plat_irq_restore(flags);
}

int uk_plat_timer_arm(__nsec deadline_ns)
{
	unsigned long flags = uk_plat_irq_save();

	timer.deadline = deadline_ns;
	if (deadline_ns)
		program(deadline_ns);
	else
		disarm();
	uk_plat_irq_restore(flags);
	return 0;
}

void _kvm_timer_fire(void)
{
	if (!timer.deadline)
		return;
	if (uk_plat_monotonic_ns() < timer.deadline) {
		program(timer.deadline);
		return;
	}
	timer.deadline = 0;
	if (timer.fn)
		timer.fn(timer.arg);
}
