/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Time of a Xen guest: Xen's system time, read through the vCPU's
 * pvclock record in the shared info page (ns = system_time + ((tsc -
 * tsc_timestamp) << shift) * mul >> 32, retried while Xen updates it:
 * an odd or changed version), is the monotonic clock; the wall clock is
 * the shared info's wall-clock base plus it. The one-shot timer is
 * VCPUOP_set_singleshot_timer, whose deadline is in system time, and
 * fires the timer VIRQ; halting is HLT, which Xen turns into
 * SCHEDOP_block.
 */
#include <errno.h>
#include <uk/arch/cpu.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>
#include <uk/plat/xen/xen.h>
#include <xen/vcpu.h>
#include "events.h"
#include "hypercall.h"
#include "time.h"

static struct {
	uk_plat_timer_handler_t fn;
	void *arg;
	__nsec deadline;	/* 0: disarmed */
} timer;

static __nsec scale(const volatile struct vcpu_time_info *t, uint64_t tsc)
{
	int64_t delta = (int64_t)(tsc - t->tsc_timestamp);
	uint64_t mag = delta < 0 ? -(uint64_t)delta : (uint64_t)delta;
	uint64_t ns;

	if (t->tsc_shift >= 0)
		mag <<= t->tsc_shift;
	else
		mag >>= -t->tsc_shift;
	ns = (uint64_t)(((unsigned __int128)mag * t->tsc_to_system_mul) >> 32);
	return delta < 0 ? t->system_time - ns : t->system_time + ns;
}

/* @tsc 0: now (read inside the version loop). */
static __nsec read_clock(uint64_t tsc)
{
	const volatile struct vcpu_time_info *t =
		&XEN_SHARED_INFO->vcpu_info[0].time;
	uint32_t version;
	__nsec ns;

	do {
		version = t->version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		ns = scale(t, tsc ? tsc : rdtsc());
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((version & 1) || version != t->version);
	return ns;
}

__nsec _xen_tsc_to_ns(uint64_t tsc)
{
	return read_clock(tsc);
}

/*
 * Xen keeps one time record per physical CPU and moves the vCPU's copy
 * when it migrates; records of two CPUs need not agree to the
 * nanosecond, so the clock is clamped to the largest value handed out,
 * as Linux does for a pvclock without PVCLOCK_TSC_STABLE_BIT.
 */
__nsec uk_plat_monotonic_ns(void)
{
	static __nsec last;
	__nsec now = read_clock(0);
	__nsec seen = __atomic_load_n(&last, __ATOMIC_RELAXED);

	do {
		if (now <= seen)
			return seen;
	} while (!__atomic_compare_exchange_n(&last, &seen, now, 0,
					      __ATOMIC_RELAXED,
					      __ATOMIC_RELAXED));
	return now;
}

__nsec uk_plat_wall_ns(void)
{
	const volatile struct shared_info *s = XEN_SHARED_INFO;
	uint32_t version;
	uint64_t sec, nsec;

	do {
		version = s->wc_version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		sec = s->wc_sec | (uint64_t)s->wc_sec_hi << 32;
		nsec = s->wc_nsec;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((version & 1) || version != s->wc_version);
	return sec * UK_NSEC_PER_SEC + nsec + uk_plat_monotonic_ns();
}

static long vcpu_op(unsigned int cmd, void *arg)
{
	return _xen_hc3(__HYPERVISOR_vcpu_op, cmd, 0, arg);
}

static void program(__nsec deadline)
{
	struct vcpu_set_singleshot_timer t = {
		.timeout_abs_ns = deadline,
		.flags = 0,	/* a deadline in the past fires at once */
	};

	vcpu_op(VCPUOP_set_singleshot_timer, &t);
}

static void fire(unsigned int port __unused, void *arg __unused)
{
	if (!timer.deadline)
		return;
	/* Xen may fire a little early (its slop): never call early. */
	if (uk_plat_monotonic_ns() < timer.deadline) {
		program(timer.deadline);
		return;
	}
	timer.deadline = 0;
	if (timer.fn)
		timer.fn(timer.arg);
}

int _xen_timer_init(void)
{
	int port;

	/* HVM vCPUs have no periodic timer by default; be sure. */
	vcpu_op(VCPUOP_stop_periodic_timer, NULL);
	port = _xen_evtchn_bind_virq(VIRQ_TIMER, fire, NULL);
	return port < 0 ? port : 0;
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
		vcpu_op(VCPUOP_stop_singleshot_timer, NULL);
	uk_plat_irq_restore(flags);
	return 0;
}

/*
 * Called with interrupts off, returns with them off after the handlers
 * of what woke the CPU ran. In a PVH guest HLT is SCHEDOP_block: Xen
 * (hvm_hlt()) blocks the vCPU through that hypercall unless an event
 * can be delivered. The hypercall itself cannot be used here: Xen
 * counts a pending event only while the guest's interrupts are open
 * (hvm_local_events_need_delivery()), so with them closed a pending
 * event would not stop the block, and with them open an event handled
 * just before the call would leave the vCPU blocked for nothing. STI;HLT
 * opens them for the HLT alone, atomically.
 */
void uk_plat_halt_irq(void)
{
	irq_sti_hlt();
	irq_cli();
}
