/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The TSC frequency, from the first source that knows it:
 *   1. CPUID leaf 0x15 (crystal clock and TSC/crystal ratio);
 *   2. the hypervisor's timing leaf 0x40000010 (TSC kHz; KVM with QEMU,
 *      VMware);
 *   3. KVM's pvclock (its TSC-to-nanoseconds multiplier);
 *   4. CPUID leaf 0x16 (nominal base MHz: close, not exact);
 *   5. a short measurement against the PIT over X86_TSC_CALIBRATE_US
 *      (1 ms by default: 0.1% accuracy, where the usual 50-100 ms buys
 *      nothing a one-shot timer can use), started at entry and finished
 *      after the rest of the setup, so that only what remains of the
 *      window is spent waiting.
 * Under QEMU's TCG none of 1-4 exist and the TSC runs at the host's TSC
 * rate, so 5 it is. Time is kept as ns = tsc * mult >> 32 (no division
 * on the clock path).
 */
#include <uk/arch/cpu.h>
#include <uk/plat/time.h>
#include <x86/boot.h>
#include <x86/pit.h>
#include <x86/tsc.h>

#define HV_LEAF_BASE		0x40000000
#define HV_LEAF_TIMING		0x40000010
#define KVM_LEAF_FEATURES	0x40000001
#define KVM_FEATURE_CLOCK2	(1U << 3)
#define MSR_KVM_SYSTEM_TIME_NEW	0x4b564d01

#define PIT_CMD_LATCH_CH0	0x00
#define PIT_CMD_READBACK_STATUS_CH0 0xe2	/* read-back: status of ch 0 */
#define PIT_STATUS_OUT		0x80

static struct {
	uint64_t hz;
	uint64_t mult;		/* ns per tick, << 32 */
	const char *source;
} tsc;

/* The PIT measurement in progress (from_pit()). */
static struct {
	int started;
	uint64_t t0;
	uint16_t c0;
} calib;

struct pvclock {
	uint32_t version, pad0;
	uint64_t tsc_timestamp, system_time;
	uint32_t tsc_to_system_mul;
	int8_t tsc_shift;
	uint8_t flags, pad[2];
} __packed __aligned(64);

static uint64_t from_cpuid15(void)
{
	struct x86_cpuid c;

	if (cpuid_max(0) < 0x15)
		return 0;
	c = cpuid(0x15, 0);
	if (!c.eax || !c.ebx || !c.ecx)
		return 0;
	return (uint64_t)c.ecx * c.ebx / c.eax;
}

static uint64_t from_cpuid16(void)
{
	if (cpuid_max(0) < 0x16)
		return 0;
	return (uint64_t)(cpuid(0x16, 0).eax & 0xffff) * 1000000;
}

static int is_kvm(void)
{
	struct x86_cpuid c = cpuid(HV_LEAF_BASE, 0);

	/* "KVMKVMKVM\0\0\0" */
	return c.ebx == 0x4b4d564b && c.ecx == 0x564b4d56 && c.edx == 0x4d;
}

static uint64_t from_hv_leaf(void)
{
	if (!(cpuid(1, 0).ecx & X86_CPUID1_ECX_HYPERVISOR))
		return 0;
	if (cpuid(HV_LEAF_BASE, 0).eax < HV_LEAF_TIMING)
		return 0;
	return (uint64_t)cpuid(HV_LEAF_TIMING, 0).eax * 1000;
}

static uint64_t from_pvclock(void)
{
	static struct pvclock pv;
	uint64_t per_ns;

	if (!(cpuid(1, 0).ecx & X86_CPUID1_ECX_HYPERVISOR) || !is_kvm() ||
	    !(cpuid(KVM_LEAF_FEATURES, 0).eax & KVM_FEATURE_CLOCK2))
		return 0;
	wrmsr(MSR_KVM_SYSTEM_TIME_NEW, (uintptr_t)&pv | 1);
	while (!*(volatile uint32_t *)&pv.version)
		cpu_relax();
	wrmsr(MSR_KVM_SYSTEM_TIME_NEW, 0);
	if (!pv.tsc_to_system_mul)
		return 0;
	/* ns = (tsc << shift) * mul >> 32, so hz = 1e9 << 32 / mul >> shift */
	per_ns = (UK_NSEC_PER_SEC << 32) / pv.tsc_to_system_mul;
	return pv.tsc_shift >= 0 ? per_ns >> pv.tsc_shift :
				   per_ns << -pv.tsc_shift;
}

static uint16_t pit_read(void)
{
	uint16_t lo;

	outb(PIT_CMD, PIT_CMD_LATCH_CH0);
	lo = inb(PIT_CH0);
	return lo | (uint16_t)inb(PIT_CH0) << 8;
}

/* Channel 0's OUT pin: high once the count has run out (mode 0). */
static int pit_expired(void)
{
	outb(PIT_CMD, PIT_CMD_READBACK_STATUS_CH0);
	return !!(inb(PIT_CH0) & PIT_STATUS_OUT);
}

/*
 * One end of the measurement: the count, read between two TSC reads and
 * taken at their middle, which halves the cost of an emulated port
 * access in the result.
 */
static void pit_sample(uint64_t *t, uint16_t *count)
{
	uint64_t a = rdtsc(), b;

	*count = pit_read();
	b = rdtsc();
	*t = a + (b - a) / 2;
}

/*
 * Channel 0 counts down once from 0xffff (mode 0; its interrupt line is
 * masked everywhere): 55 ms before it runs out, far more than the boot
 * needs. Started first thing at entry, so that the platform's own setup
 * runs during the measurement; under TCG that setup takes longer than
 * the window and the calibration costs no waiting at all.
 */
static void pit_start(void)
{
	outb(PIT_CMD, PIT_CMD_CH0_MODE0);
	outb(PIT_CH0, 0xff);
	outb(PIT_CH0, 0xff);
	pit_sample(&calib.t0, &calib.c0);
	calib.started = 1;
}

static uint64_t from_pit(void)
{
	uint64_t want = PIT_HZ * X86_TSC_CALIBRATE_US / 1000000;
	uint64_t t1, spins = 0;
	uint16_t c1, ticks;

	if (want < 2)
		want = 2;
	if (!calib.started || pit_expired())
		pit_start();	/* not started, or ran out: start again */
	for (;;) {
		pit_sample(&t1, &c1);
		ticks = calib.c0 - c1;
		if (ticks >= want)
			break;
		/* No PIT (a count that never moves): give up. */
		if (!ticks && ++spins > 1000000)
			return 0;
	}
	return (t1 - calib.t0) * PIT_HZ / ticks;
}

static const struct {
	uint64_t (*fn)(void);
	const char *name;
} tsc_sources[] = {
	{ from_cpuid15, "cpuid 0x15" },
	{ from_hv_leaf, "hypervisor leaf 0x40000010" },
	{ from_pvclock, "kvm pvclock" },
	{ from_cpuid16, "cpuid 0x16" },
};

void _x86_tsc_calibrate_start(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(tsc_sources) && !tsc.hz; i++) {
		tsc.hz = tsc_sources[i].fn();
		tsc.source = tsc_sources[i].name;
	}
	if (!tsc.hz)
		pit_start();
}

void _x86_tsc_init(void)
{
	if (!tsc.hz) {
		tsc.hz = from_pit();
		tsc.source = "PIT";
	}
	if (!tsc.hz) {
		_x86_say("no way to measure the TSC frequency: assuming 1 GHz");
		tsc.hz = 1000000000;
		tsc.source = "guess";
	}
	tsc.mult = (UK_NSEC_PER_SEC << 32) / tsc.hz;
}

uint64_t _x86_tsc_hz(void)
{
	return tsc.hz;
}

const char *_x86_tsc_source(void)
{
	return tsc.source;
}

__nsec _x86_tsc_to_ns(uint64_t t)
{
	return (__nsec)(((unsigned __int128)t * tsc.mult) >> 32);
}

uint64_t _x86_ns_to_tsc(__nsec ns)
{
	/* Split so that no product overflows 64 bits (hz < 18 GHz). */
	return ns / UK_NSEC_PER_SEC * tsc.hz +
	       ns % UK_NSEC_PER_SEC * tsc.hz / UK_NSEC_PER_SEC;
}

__nsec uk_plat_monotonic_ns(void)
{
	return _x86_tsc_to_ns(rdtsc());
}
