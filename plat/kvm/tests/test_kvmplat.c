/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * In-image tests of the kvm platform: device interrupts (through the
 * IOAPIC, or the PICs on a CPU without a local APIC), interrupt-flag
 * save/restore, the clocks and the timer.
 */
#include <uk/arch/cpu.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>
#include <uk/test.h>

#define COM1_IER	0x3f9
#define IER_THRE	0x02	/* interrupt when the transmitter is empty */
#define COM1_IRQ	4

static volatile int com1_irqs;

static int on_com1(void *arg __unused)
{
	/* Level of the UART's own making: silence it at the source. */
	outb(COM1_IER, 0);
	com1_irqs++;
	return 1;
}

UK_TESTCASE(kvmplat, device_irq)
{
	__nsec end;

	UK_TEST_ASSERT_INT_EQ(uk_plat_irq_register(COM1_IRQ, on_com1, NULL),
			      0);
	/* The UART raises IRQ 4 as soon as it may: its transmitter is idle. */
	outb(COM1_IER, IER_THRE);
	end = uk_plat_monotonic_ns() + 100 * UK_NSEC_PER_MSEC;
	while (!com1_irqs && uk_plat_monotonic_ns() < end)
		cpu_relax();
	outb(COM1_IER, 0);
	UK_TEST_EXPECT_INT_GE(com1_irqs, 1);
}

UK_TESTCASE(kvmplat, irq_register_bad_line)
{
	UK_TEST_EXPECT_INT_LT(uk_plat_irq_register(1000, on_com1, NULL), 0);
}

UK_TESTCASE(kvmplat, irq_save_restore)
{
	unsigned long outer, inner;

	uk_plat_irq_enable();
	outer = uk_plat_irq_save();
	UK_TEST_EXPECT_INT_EQ(uk_plat_irq_enabled(), 0);
	inner = uk_plat_irq_save();
	uk_plat_irq_restore(inner);
	/* The inner restore leaves them off: they were off when saved. */
	UK_TEST_EXPECT_INT_EQ(uk_plat_irq_enabled(), 0);
	uk_plat_irq_restore(outer);
	UK_TEST_EXPECT_INT_EQ(uk_plat_irq_enabled(), 1);
}

UK_TESTCASE(kvmplat, clocks)
{
	__nsec a = uk_plat_monotonic_ns(), b = uk_plat_monotonic_ns();

	UK_TEST_EXPECT(b >= a);
	/* After 2020-01-01 and before 2200: the RTC was read and converted. */
	UK_TEST_EXPECT(uk_plat_wall_ns() > 1577836800ULL * UK_NSEC_PER_SEC);
	UK_TEST_EXPECT(uk_plat_wall_ns() < 7258118400ULL * UK_NSEC_PER_SEC);
}

static volatile int timer_calls;

static void on_timer(void *arg __unused)
{
	timer_calls++;
}

UK_TESTCASE(kvmplat, timer_oneshot_and_disarm)
{
	__nsec start;

	uk_plat_timer_set_handler(on_timer, NULL);
	uk_plat_irq_disable();
	/* A deadline in the past fires at once. */
	timer_calls = 0;
	uk_plat_timer_arm(1);
	while (!timer_calls)
		uk_plat_halt_irq();
	UK_TEST_EXPECT_INT_EQ(timer_calls, 1);

	/* 2 ms ahead: never early, and exactly one call. */
	timer_calls = 0;
	start = uk_plat_monotonic_ns();
	uk_plat_timer_arm(start + 2 * UK_NSEC_PER_MSEC);
	while (!timer_calls)
		uk_plat_halt_irq();
	UK_TEST_EXPECT(uk_plat_monotonic_ns() - start >= 2 * UK_NSEC_PER_MSEC);
	UK_TEST_EXPECT_INT_EQ(timer_calls, 1);

	/* Disarmed: 5 ms pass without a call. */
	timer_calls = 0;
	uk_plat_timer_arm(uk_plat_monotonic_ns() + UK_NSEC_PER_MSEC);
	uk_plat_timer_arm(0);
	uk_plat_irq_enable();
	start = uk_plat_monotonic_ns();
	while (uk_plat_monotonic_ns() - start < 5 * UK_NSEC_PER_MSEC)
		cpu_relax();
	UK_TEST_EXPECT_INT_EQ(timer_calls, 0);
	uk_plat_timer_set_handler(NULL, NULL);
}
