/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * In-image tests of the xen platform, run on a real Xen: event channels
 * (a loopback pair within the guest), interrupt-flag save/restore, the
 * pvclock clocks, the single-shot timer and SCHEDOP_block.
 */
#include <errno.h>
#include <uk/arch/cpu.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>
#include <uk/plat/xen/xen.h>
#include <uk/test.h>

#define DOMID_SELF_ID	0x7ff0

static volatile unsigned int events;
static volatile unsigned int last_port;

static void on_event(unsigned int port, void *arg)
{
	last_port = port;
	events += (unsigned int)(uintptr_t)arg;
}

/* Two ports of this guest bound to each other: a send on one is an
 * event on the other. */
UK_TESTCASE(xenplat, evtchn_loopback)
{
	int a, b;
	__nsec end;

	a = uk_xen_evtchn_alloc_unbound(DOMID_SELF_ID, on_event, (void *)1);
	UK_TEST_ASSERT(a >= 0);
	b = uk_xen_evtchn_bind_interdomain(DOMID_SELF_ID, a, on_event,
					   (void *)1);
	UK_TEST_ASSERT(b >= 0);

	events = 0;
	uk_plat_irq_enable();
	UK_TEST_EXPECT_INT_EQ(uk_xen_evtchn_notify(b), 0);
	end = uk_plat_monotonic_ns() + 100 * UK_NSEC_PER_MSEC;
	while (!events && uk_plat_monotonic_ns() < end)
		cpu_relax();
	UK_TEST_EXPECT_INT_EQ(events, 1);
	UK_TEST_EXPECT_INT_EQ(last_port, a);

	/* Masked: no call; unmasked: the pending event arrives. */
	events = 0;
	uk_xen_evtchn_mask(a);
	uk_xen_evtchn_notify(b);
	end = uk_plat_monotonic_ns() + 10 * UK_NSEC_PER_MSEC;
	while (uk_plat_monotonic_ns() < end)
		cpu_relax();
	UK_TEST_EXPECT_INT_EQ(events, 0);
	uk_xen_evtchn_unmask(a);
	end = uk_plat_monotonic_ns() + 100 * UK_NSEC_PER_MSEC;
	while (!events && uk_plat_monotonic_ns() < end)
		cpu_relax();
	UK_TEST_EXPECT_INT_EQ(events, 1);

	UK_TEST_EXPECT_INT_EQ(uk_xen_evtchn_close(b), 0);
	UK_TEST_EXPECT_INT_EQ(uk_xen_evtchn_close(a), 0);
}

UK_TESTCASE(xenplat, evtchn_bad_input)
{
	UK_TEST_EXPECT_INT_EQ(uk_xen_evtchn_bind(100000, on_event, NULL),
			      -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_xen_evtchn_alloc_unbound(0, NULL, NULL),
			      -EINVAL);
	/* A port this guest does not have. */
	UK_TEST_EXPECT_INT_LT(uk_xen_evtchn_notify(200), 0);
	UK_TEST_EXPECT_INT_LT(uk_plat_irq_register(1, NULL, NULL), 0);
}

UK_TESTCASE(xenplat, irq_save_restore)
{
	unsigned long outer, inner;

	uk_plat_irq_enable();
	outer = uk_plat_irq_save();
	UK_TEST_EXPECT_INT_EQ(uk_plat_irq_enabled(), 0);
	inner = uk_plat_irq_save();
	uk_plat_irq_restore(inner);
	UK_TEST_EXPECT_INT_EQ(uk_plat_irq_enabled(), 0);
	uk_plat_irq_restore(outer);
	UK_TEST_EXPECT_INT_EQ(uk_plat_irq_enabled(), 1);
}

UK_TESTCASE(xenplat, clocks)
{
	__nsec a = uk_plat_monotonic_ns(), b = uk_plat_monotonic_ns();
	__nsec w;

	UK_TEST_EXPECT(b >= a);
	/* Xen's system time counts from the domain's start: seconds here. */
	UK_TEST_EXPECT(a > 0 && a < 3600 * UK_NSEC_PER_SEC);
	w = uk_plat_wall_ns();
	UK_TEST_EXPECT(w > 1577836800ULL * UK_NSEC_PER_SEC);
	UK_TEST_EXPECT(w < 7258118400ULL * UK_NSEC_PER_SEC);
}

static volatile int timer_calls;

static void on_timer(void *arg __unused)
{
	timer_calls++;
}

UK_TESTCASE(xenplat, timer_oneshot_and_disarm)
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

	/* 2 ms ahead: never early, exactly one call, the CPU blocked. */
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

#if CONFIG_XEN_GNTTAB
static char granted[4096] __aligned(4096);

UK_TESTCASE(xenplat, gnttab_grant_and_end)
{
	unsigned int before;
	int ref;

	/* The first grant sets the table up. */
	ref = uk_xen_gnttab_grant(0, (uintptr_t)granted >> 12, 1);
	UK_TEST_ASSERT(ref >= 8);	/* 0-7 are the toolstack's */
	before = uk_xen_gnttab_free();
	UK_TEST_EXPECT_INT_EQ(uk_xen_gnttab_end(ref), 0);
	UK_TEST_EXPECT_INT_EQ(uk_xen_gnttab_free(), before + 1);
	/* after: ended once, not twice; reserved and wild refs refused */
	UK_TEST_EXPECT_INT_EQ(uk_xen_gnttab_end(ref), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_xen_gnttab_end(1), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_xen_gnttab_end(1u << 30), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_xen_gnttab_grant(0, 1ULL << 32, 0), -EINVAL);
}

UK_TESTCASE(xenplat, gnttab_exhaustion)
{
	static int refs[32 * 512];
	unsigned int n = 0, i, free0;
	int ref;

	uk_xen_gnttab_end(uk_xen_gnttab_grant(0, 1, 0));	/* set up */
	free0 = uk_xen_gnttab_free();
	UK_TEST_ASSERT(free0 > 0 && free0 <= ARRAY_SIZE(refs));
	while ((ref = uk_xen_gnttab_grant(0, 1, 0)) >= 0)
		refs[n++] = ref;
	UK_TEST_EXPECT_INT_EQ(ref, -ENOSPC);
	UK_TEST_EXPECT_INT_EQ(n, free0);
	for (i = 0; i < n; i++)
		uk_xen_gnttab_end(refs[i]);
	UK_TEST_EXPECT_INT_EQ(uk_xen_gnttab_free(), free0);
}
#endif
