/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * platprobe MODE [ARG]: one behaviour per mode, for tests/cases.
 *   return N   main() returns N          exit N     exit(N)
 *   assert     a failing UK_ASSERT       segv       a NULL write
 *   sleep MS   halt until a timer MS ms ahead, print the measured time
 *   regions    print the bootinfo memory regions
 *   args ...   print the arguments
 *   ud         an invalid instruction (ud2)   div   an integer division by 0
 *   overflow   unbounded recursion: a stack overflow
 *   writetext  a write to the image's own code
 *   read N     read N bytes of console input (2 s at most), print them
 *   triplefault  an exception with no IDT to take it: the CPU resets
 *   params ... print this app's kernel parameters (platprobe.*), which
 *              the kernel-parameter tests set before "--", then the
 *              arguments
 * The faults happen in functions named probe_<mode>, which the tests look
 * for in the symbolized crash report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uk/assert.h>
#include <uk/param.h>
#include <uk/plat/bootinfo.h>
#include <uk/plat/console.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>

static volatile int timer_fired;

UK_PARAM_BOOL(platprobe, flag, false, "test: a boolean");
UK_PARAM_INT(platprobe, num, -1, -1000, 1000, "test: an integer");
UK_PARAM_SIZE(platprobe, size, 1 << 20, 4096, 1ULL << 32,
	      "test: a size from 4K to 4G");
UK_PARAM_STR(platprobe, str, NULL, "test: a string");
UK_PARAM_STRLIST(platprobe, list, 4, "test: up to 4 strings");

static int do_params(void)
{
	const char *v;
	unsigned int i;

	printf("flag=%d num=%d size=%llu str=<%s>\n", UK_PARAM(platprobe, flag),
	       UK_PARAM(platprobe, num),
	       (unsigned long long)UK_PARAM(platprobe, size),
	       UK_PARAM(platprobe, str) ? UK_PARAM(platprobe, str) : "(null)");
	uk_param_strlist_foreach(&UK_PARAM(platprobe, list), i, v)
		printf("list[%u]=<%s>\n", i, v);
	return 0;
}

static void on_timer(void *arg __unused)
{
	timer_fired = 1;
}

static int do_sleep(long ms)
{
	__nsec start = uk_plat_monotonic_ns(), end;
	int halts = 0;

	uk_plat_timer_set_handler(on_timer, NULL);
	uk_plat_irq_disable();
	uk_plat_timer_arm(start + ms * UK_NSEC_PER_MSEC);
	while (!timer_fired) {
		uk_plat_halt_irq();
		halts++;
	}
	uk_plat_irq_enable();
	end = uk_plat_monotonic_ns();
	printf("slept_ns=%llu requested_ns=%llu halts=%d\n",
	       (unsigned long long)(end - start),
	       (unsigned long long)(ms * UK_NSEC_PER_MSEC), halts);
	return 0;
}

static int do_regions(void)
{
	struct uk_bootinfo *bi = uk_plat_bootinfo();
	unsigned int i;

	for (i = 0; i < bi->nr_regions; i++)
		printf("region type=%d start=0x%lx len=%zu name=%s\n",
		       bi->regions[i].type,
		       (unsigned long)bi->regions[i].start,
		       bi->regions[i].len,
		       bi->regions[i].name ? bi->regions[i].name : "-");
	return 0;
}

static __attribute__((noinline)) void probe_ud(void)
{
	__asm__ __volatile__("ud2");
}

static __attribute__((noinline)) int probe_div(int x)
{
	volatile int zero = 0;

	return x / zero;
}

/*
 * Each frame holds a page, so the guard page is reached in a few calls.
 * The bound only hides the recursion from the compiler: no stack has it.
 */
static volatile int overflow_limit = 1 << 30;

static __attribute__((noinline)) int probe_overflow(int depth)
{
	volatile char frame[4096];

	frame[0] = (char)depth;
	if (depth < overflow_limit)
		return probe_overflow(depth + 1) + frame[0];
	return frame[0];
}

/* No crash screen can run: the CPU shuts down, and QEMU sees a reset. */
static __attribute__((noinline)) void probe_triplefault(void)
{
	static const struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) no_idt = { 0, 0 };

	__asm__ __volatile__("cli; lidt %0; int3" : : "m"(no_idt));
}

static __attribute__((noinline)) void probe_writetext(void)
{
	*(volatile unsigned char *)(uintptr_t)probe_ud = 0xc3;
}

static int do_read(long n)
{
	__nsec end = uk_plat_monotonic_ns() + 2 * UK_NSEC_PER_SEC;
	char buf[64];
	long got = 0;
	int rc;

	if (n > (long)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	while (got < n && uk_plat_monotonic_ns() < end) {
		rc = uk_plat_console_in(buf + got, n - got);
		if (rc < 0)
			break;
		got += rc;
	}
	buf[got] = '\0';
	printf("read=<%s>\n", buf);
	return got == n ? 0 : 1;
}

int main(int argc, char *argv[])
{
	const char *mode = argc > 1 ? argv[1] : "args";
	long arg = argc > 2 ? strtol(argv[2], NULL, 0) : 0;

	if (!strcmp(mode, "return"))
		return (int)arg;
	if (!strcmp(mode, "exit")) {
		exit((int)arg);
		printf("exit() returned\n");
		return 99;
	}
	if (!strcmp(mode, "assert")) {
		UK_ASSERT(argc == 1);
		return 98;
	}
	if (!strcmp(mode, "segv")) {
		*(volatile int *)(uintptr_t)arg = 1;
		return 97;
	}
	if (!strcmp(mode, "ud")) {
		probe_ud();
		return 96;
	}
	if (!strcmp(mode, "div"))
		return probe_div((int)arg + 1);
	if (!strcmp(mode, "overflow"))
		return probe_overflow(0);
	if (!strcmp(mode, "triplefault")) {
		probe_triplefault();
		return 94;
	}
	if (!strcmp(mode, "writetext")) {
		probe_writetext();
		return 95;
	}
	if (!strcmp(mode, "read"))
		return do_read(arg);
	if (!strcmp(mode, "sleep"))
		return do_sleep(arg);
	if (!strcmp(mode, "regions"))
		return do_regions();
	/* params: the parameters, then the arguments as any mode below. */
	if (!strcmp(mode, "params"))
		do_params();
	for (int i = 0; i < argc; i++)
		printf("argv[%d]=<%s>\n", i, argv[i]);
	return 0;
}
