/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * From a Linux process to a booted Kiln platform. _start hands over argc
 * and argv; this file turns them into the bootinfo (arguments, memory
 * regions, entry time), installs the crash and interrupt signal handlers
 * and the timer, and calls uk_boot_entry().
 *
 * Host command line:
 *   image [-m SIZE] [-n TAP]... [-d FILE[:ro]]... [-i FILE]...
 *         [kernel-args --] [app-args]
 * Only those leading options are the platform's (-n and -d name host
 * devices for drivers/linuxu, uk/plat/linuxu/hostdev.h; -i maps a file
 * as an initrd, as a boot loader loads a module); everything from the
 * first other word on is passed on.
 */
#include <errno.h>
#include <uk/init.h>
#include <uk/plat/bootinfo.h>
#include <uk/plat/entry.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>
#include <uk/plat/linuxu/hostdev.h>
#include <linuxu/io.h>
#include <linuxu/rawprint.h>
#include <linuxu/setup.h>
#include <linuxu/syscall.h>

/* Exit status of a boot that failed before Kiln started: a usage error. */
#define LINUXU_EXIT_USAGE 2

static struct uk_bootinfo bootinfo;

struct uk_bootinfo *uk_plat_bootinfo(void)
{
	return &bootinfo;
}

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static struct {
	unsigned int nr;
	struct {
		int kind;
		int claimed;	/* a driver asked for it */
		const char *arg;
	} devs[UK_LINUXU_HOSTDEV_MAX];
} hostdev;

const char *uk_linuxu_hostdev(int kind, unsigned int idx)
{
	unsigned int i;

	for (i = 0; i < hostdev.nr; i++) {
		if (hostdev.devs[i].kind == kind && idx-- == 0) {
			hostdev.devs[i].claimed = 1;
			return hostdev.devs[i].arg;
		}
	}
	return NULL;
}

/*
 * Drivers ask for their host devices from initcalls of the platform
 * class; by the system class, an option nobody asked for names a device
 * this image has no driver for. Say so rather than run as if the disk or
 * network were there.
 */
static int hostdev_check_claimed(void)
{
	struct linuxu_line l = LINUXU_LINE_INIT(K_STDERR);
	unsigned int i;

	for (i = 0; i < hostdev.nr; i++) {
		if (hostdev.devs[i].claimed)
			continue;
		_linuxu_line_str(&l, "linuxu: -");
		_linuxu_line_str(&l, hostdev.devs[i].kind ==
				 UK_LINUXU_HOSTDEV_NET ? "n " : "d ");
		_linuxu_line_str(&l, hostdev.devs[i].arg);
		_linuxu_line_str(&l, hostdev.devs[i].kind ==
				 UK_LINUXU_HOSTDEV_NET ?
				 ": ignored: this image has no network driver\n" :
				 ": ignored: this image has no block driver\n");
		_linuxu_line_flush(&l);
	}
	return 0;
}
uk_sys_initcall(hostdev_check_claimed, NULL);

/* -i FILE options, mapped once the heap is in place. */
#define LINUXU_INITRD_MAX 4
static struct {
	unsigned int nr;
	const char *path[LINUXU_INITRD_MAX];
} initrd;

/* Print "linuxu: <what>: errno <-err>" on stderr and exit. */
static void __noreturn die(const char *what, long err)
{
	struct linuxu_line l = LINUXU_LINE_INIT(K_STDERR);

	_linuxu_line_str(&l, "linuxu: ");
	_linuxu_line_str(&l, what);
	_linuxu_line_str(&l, ": errno ");
	_linuxu_line_dec(&l, -err);
	_linuxu_line_str(&l, "\n");
	_linuxu_line_flush(&l);
	sys_exit_group(LINUXU_EXIT_USAGE);
}

/*
 * Complain about a -m value. The value is echoed on one line: control
 * bytes become '?' and a long value is cut, so that the message stays
 * one readable line whatever was typed.
 */
static void __noreturn die_bad_mem(const char *arg)
{
	struct linuxu_line l = LINUXU_LINE_INIT(K_STDERR);
	char c[2] = { 0, 0 };
	unsigned int i;

	if (!arg) {
		_linuxu_line_str(&l, "linuxu: invalid -m value (missing)");
	} else {
		_linuxu_line_str(&l, "linuxu: invalid -m value '");
		for (i = 0; arg[i] && i < 40; i++) {
			c[0] = (arg[i] < ' ' || arg[i] == 0x7f) ? '?' : arg[i];
			_linuxu_line_str(&l, c);
		}
		if (arg[i])
			_linuxu_line_str(&l, "...");
		_linuxu_line_str(&l, "'");
	}
	_linuxu_line_str(&l, ": expected a size like 64M\n");
	_linuxu_line_flush(&l);
	sys_exit_group(LINUXU_EXIT_USAGE);
}

/* A -n or -d option without its argument, or one too many. */
static void __noreturn die_bad_dev(const char *opt, const char *why)
{
	struct linuxu_line l = LINUXU_LINE_INIT(K_STDERR);

	_linuxu_line_str(&l, "linuxu: ");
	_linuxu_line_str(&l, opt);
	_linuxu_line_str(&l, ": ");
	_linuxu_line_str(&l, why);
	_linuxu_line_str(&l, "\n");
	_linuxu_line_flush(&l);
	sys_exit_group(LINUXU_EXIT_USAGE);
}

/* An -i file that cannot be mapped. */
static void __noreturn die_initrd(const char *path, long err)
{
	struct linuxu_line l = LINUXU_LINE_INIT(K_STDERR);

	_linuxu_line_str(&l, "linuxu: -i ");
	_linuxu_line_str(&l, path);
	_linuxu_line_str(&l, ": cannot map the initrd: errno ");
	_linuxu_line_dec(&l, -err);
	_linuxu_line_str(&l, "\n");
	_linuxu_line_flush(&l);
	sys_exit_group(LINUXU_EXIT_USAGE);
}

/* The host refused the heap mapping: usually a -m beyond its memory. */
static void __noreturn die_heap(unsigned long len, long err)
{
	struct linuxu_line l = LINUXU_LINE_INIT(K_STDERR);

	_linuxu_line_str(&l, "linuxu: cannot map a heap of ");
	_linuxu_line_dec(&l, len >> 10);
	_linuxu_line_str(&l, " KiB: errno ");
	_linuxu_line_dec(&l, -err);
	if (err == -ENOMEM)
		_linuxu_line_str(&l, " (out of memory: try a smaller -m)");
	_linuxu_line_str(&l, "\n");
	_linuxu_line_flush(&l);
	sys_exit_group(LINUXU_EXIT_USAGE);
}

void _linuxu_entry(int argc, char **argv)
{
	unsigned long heap_len = (unsigned long)CONFIG_LINUXU_DEFAULT_HEAP_MB
				 << 20;
	struct uk_bootinfo *bi = &bootinfo;
	unsigned int i;
	int first = 1;
	long ret;

	/* First: boot-time measurements count from here. */
	bi->entry_ns = uk_plat_monotonic_ns();

	/* Next, so that a fault anywhere below is reported. */
	ret = _linuxu_crash_init();
	if (ret < 0)
		die("cannot install the crash handlers", ret);

	while (first < argc) {
		if (streq(argv[first], "-m")) {
			if (first + 1 >= argc)
				die_bad_mem(NULL);
			if (_linuxu_mem_parse(argv[first + 1], &heap_len) < 0)
				die_bad_mem(argv[first + 1]);
		} else if (streq(argv[first], "-i")) {
			if (first + 1 >= argc || !argv[first + 1][0])
				die_bad_dev(argv[first], "missing argument");
			if (initrd.nr == LINUXU_INITRD_MAX)
				die_bad_dev(argv[first],
					    "too many initrds (at most "
					    STRINGIFY(LINUXU_INITRD_MAX) ")");
			initrd.path[initrd.nr++] = argv[first + 1];
		} else if (streq(argv[first], "-n") ||
			   streq(argv[first], "-d")) {
			if (first + 1 >= argc || !argv[first + 1][0])
				die_bad_dev(argv[first], "missing argument");
			if (hostdev.nr == UK_LINUXU_HOSTDEV_MAX)
				die_bad_dev(argv[first],
					    "too many host devices (at most "
					    STRINGIFY(UK_LINUXU_HOSTDEV_MAX)
					    ")");
			hostdev.devs[hostdev.nr].kind = argv[first][1];
			hostdev.devs[hostdev.nr].arg = argv[first + 1];
			hostdev.nr++;
		} else {
			break;
		}
		first += 2;
	}
	ret = _linuxu_mem_init(bi, heap_len);
	if (ret < 0)
		die_heap(heap_len, ret);
	for (i = 0; i < initrd.nr; i++) {
		ret = _linuxu_initrd_map(bi, initrd.path[i]);
		if (ret < 0)
			die_initrd(initrd.path[i], ret);
	}

	/*
	 * The host has split the arguments already: hand them over as they
	 * are (ukboot splits them at "--"), never joined and split again.
	 */
	bi->argc = argc - first;
	bi->argv = argv + first;

	ret = _linuxu_irq_init();
	if (ret < 0)
		die("cannot install the interrupt signal handlers", ret);
	_linuxu_timer_init();

	/*
	 * Start with interrupts enabled, as a process naturally is: code
	 * that never touches interrupts (no scheduler, a plain main()) still
	 * gets its timer handler called, and there is no early phase with a
	 * silently blocked timer. Code that needs them off says so with
	 * uk_plat_irq_disable()/_save(), as on every platform.
	 */
	uk_plat_irq_enable();
	uk_boot_entry();
}
