/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The one-shot timer: the local APIC timer, in TSC-deadline mode when the
 * CPU has it (the deadline is written in TSC ticks: nothing to convert
 * but the clock itself), in one-shot count-down mode otherwise. The
 * count-down runs at the APIC bus rate, which nothing reports: it is
 * measured against the TSC on the first arm (about 100 us, paid only by
 * images that use the timer).
 *
 * An expiry before the deadline (a count clamped to 32 bits, a rate
 * measured a little fast) re-arms for the rest instead of calling the
 * handler, so the handler never runs early.
 */
#include <errno.h>
#include <uk/arch/cpu.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>
#include <kvm/intctrl.h>
#include <kvm/setup.h>

#define LAPIC_CALIBRATE_NS	100000ULL

static struct {
	uk_plat_timer_handler_t fn;
	void *arg;
	__nsec deadline;	/* 0: disarmed */
	int tsc_deadline;
	uint64_t lapic_hz;	/* count-down mode: ticks per second */
} timer;

void _kvm_timer_init(void)
{
	timer.tsc_deadline = !!(cpuid(1, 0).ecx & X86_CPUID1_ECX_TSC_DEADLINE);
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
	stop = t0 + _kvm_ns_to_tsc(LAPIC_CALIBRATE_NS);
	do {
		t1 = rdtsc();
	} while (t1 < stop);
	c1 = _kvm_lapic_read(LAPIC_TIMER_CUR);
	_kvm_lapic_write(LAPIC_TIMER_INIT, 0);

	timer.lapic_hz = (uint64_t)(c0 - c1) * UK_NSEC_PER_SEC /
			 (_kvm_tsc_to_ns(t1) - _kvm_tsc_to_ns(t0) ?: 1);
	if (!timer.lapic_hz)
		timer.lapic_hz = 1000000000;	/* QEMU's rate, at worst */
}

static void program(__nsec deadline)
{
	__nsec now, delta;
	uint64_t ticks;

	if (timer.tsc_deadline) {
		_kvm_lapic_write(LAPIC_LVT_TIMER,
				 LAPIC_TIMER_TSC_DEADLINE | KVM_VEC_TIMER);
		/* 0 would disarm: a deadline at tick 0 is long past anyway. */
		wrmsr(X86_MSR_TSC_DEADLINE, _kvm_ns_to_tsc(deadline) ?: 1);
		return;
	}
	if (!timer.lapic_hz)
		lapic_calibrate();
	now = uk_plat_monotonic_ns();
	delta = deadline > now ? deadline - now : 0;
	/* ticks = delta * hz / 1e9 without overflow, clamped to 32 bits. */
	if (delta >= 4 * UK_NSEC_PER_SEC * 1000)
		ticks = 0xffffffff;
	else
		ticks = delta / 1000 * timer.lapic_hz / 1000000 +
			delta % 1000 * timer.lapic_hz / UK_NSEC_PER_SEC;
	if (ticks > 0xffffffff)
		ticks = 0xffffffff;
	if (!ticks)
		ticks = 1;
	_kvm_lapic_write(LAPIC_TIMER_DIV, LAPIC_TIMER_DIV_1);
	_kvm_lapic_write(LAPIC_LVT_TIMER, KVM_VEC_TIMER);	/* one-shot */
	_kvm_lapic_write(LAPIC_TIMER_INIT, ticks);
}

static void disarm(void)
{
	if (timer.tsc_deadline)
		wrmsr(X86_MSR_TSC_DEADLINE, 0);
	else
		_kvm_lapic_write(LAPIC_TIMER_INIT, 0);
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
