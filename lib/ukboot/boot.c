/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The platform-neutral boot: the platform has set up the CPU, the console
 * and the bootinfo and calls uk_boot_entry(). From there:
 *   constructors -> command line (kernel parameters) -> init table ->
 *   main() -> term functions in reverse -> halt with main's status.
 * "help" among the kernel arguments lists the parameters and halts with 0.
 * Errors here are reported and end the boot with a non-zero status; a bad
 * command line is the user's mistake (status 2), a failing init a crash.
 */
#include <errno.h>
#include <stdio.h>
#include <uk/argparse.h>
#include <uk/assert.h>
#include <uk/boot.h>
#include <uk/init.h>
#include <uk/param.h>
#include <uk/print.h>
#include <uk/plat/bootinfo.h>
#include <uk/plat/entry.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/time.h>

#define BOOT_USAGE_STATUS 2

extern int main(int argc, char *argv[]);

/* From the linker script: the ELF constructor table. */
typedef void (*ctor_func_t)(void);
extern const ctor_func_t __init_array_start[], __init_array_end[];

/* The configuration gives the default; the command line decides. */
#if CONFIG_LIBUKBOOT_TIMESTAMPS
#define TIMESTAMPS_DEFAULT true
#else
#define TIMESTAMPS_DEFAULT false
#endif
UK_PARAM_BOOL(ukboot, timestamps, TIMESTAMPS_DEFAULT,
	      "print kiln-boot: timestamp lines before main() and at exit");

static struct {
	/* Init-table entries whose init succeeded, for the term pass. */
	const struct uk_inittab_entry *inited_end;
	int exiting;
	__nsec main_ns;
	/* argv[0] (the application's name) + arguments + NULL. */
	char *argv[CONFIG_LIBUKBOOT_MAXARGS + 2];
} boot;


static void run_ctors(void)
{
	const ctor_func_t *fn;

	for (fn = __init_array_start; fn < __init_array_end; fn++)
		(*fn)();
}

static void run_inittab(void)
{
	const struct uk_inittab_entry *e;
	int rc;

	boot.inited_end = __uk_inittab_start;
	UK_TABLE_FOREACH(e, inittab) {
		if (e->init) {
			rc = e->init();
			if (rc < 0)
				UK_CRASH("init function %s failed: %d",
					 e->name, rc);
		}
		boot.inited_end = e + 1;
	}
}

/*
 * The arguments as a vector in boot.argv[1 ..]: the platform's own vector
 * (copied: ukboot needs a slot before the application's arguments for
 * argv[0]), or the command line split in place. Returns their number.
 */
static int boot_args(struct uk_bootinfo *bi)
{
	char **argv = &boot.argv[1];
	int argc = 0, i;

	argv[0] = NULL;
	if (bi->argv) {
		if (bi->argc > CONFIG_LIBUKBOOT_MAXARGS)
			goto too_many;
		for (i = 0; i < bi->argc; i++)
			argv[i] = bi->argv[i];
		argv[i] = NULL;
		return bi->argc;
	}
	if (!bi->cmdline)
		return 0;
	argc = uk_argparse(bi->cmdline, argv, CONFIG_LIBUKBOOT_MAXARGS);
	if (argc == -E2BIG)
		goto too_many;
	if (argc < 0) {
		uk_pr_crit("malformed command line: unterminated quote or trailing backslash");
		uk_plat_terminate(UK_PLAT_HALT, BOOT_USAGE_STATUS);
	}
	return argc;

too_many:
	uk_pr_crit("command line has more than %d arguments",
		   CONFIG_LIBUKBOOT_MAXARGS);
	uk_plat_terminate(UK_PLAT_HALT, BOOT_USAGE_STATUS);
}

/*
 * Split the arguments at "--", apply the kernel's to the parameters
 * (uk/param.h) and return the application's argc. Runs before the init
 * table, so that every init function sees the parameters' final values.
 */
static int parse_cmdline(struct uk_bootinfo *bi, char ***app_argv)
{
	char **argv = &boot.argv[1], **kargv, **aargv;
	int argc, kargc, aargc, rc;

	argc = boot_args(bi);
	uk_argparse_split(argc, argv, &kargc, &kargv, &aargc, &aargv);
	rc = uk_param_parse_args(kargc, kargv);
	if (rc == UK_PARAM_HELP)
		uk_plat_terminate(UK_PLAT_HALT, 0);
	if (rc < 0)
		uk_plat_terminate(UK_PLAT_HALT, BOOT_USAGE_STATUS);
	/* argv[0] is the application's name, just before its arguments. */
	aargv[-1] = KILN_APPNAME;
	*app_argv = &aargv[-1];
	return aargc + 1;
}

void uk_boot_entry(void)
{
	struct uk_bootinfo *bi = uk_plat_bootinfo();
	char **argv;
	int argc, status;

	run_ctors();
	argc = parse_cmdline(bi, &argv);
	run_inittab();

	boot.main_ns = uk_plat_monotonic_ns();
	/* Straight to the console, without a level prefix to parse. */
	if (UK_PARAM(ukboot, timestamps))
		printf("kiln-boot: entry_ns=%llu main_ns=%llu boot_ns=%llu\n",
		       (unsigned long long)bi->entry_ns,
		       (unsigned long long)boot.main_ns,
		       (unsigned long long)(boot.main_ns - bi->entry_ns));
	status = main(argc, argv);
	uk_boot_exit(status);
}

void uk_boot_exit(int status)
{
	const struct uk_inittab_entry *e;

	/* exit() from a term function: stop at once rather than loop. */
	if (boot.exiting++)
		uk_plat_terminate(UK_PLAT_HALT, status);

	for (e = boot.inited_end; e > __uk_inittab_start; e--)
		if (e[-1].term)
			e[-1].term(status);

	if (UK_PARAM(ukboot, timestamps)) {
		__nsec now = uk_plat_monotonic_ns();

		printf("kiln-boot: exit_ns=%llu run_ns=%llu status=%d\n",
		       (unsigned long long)now,
		       (unsigned long long)(now - boot.main_ns), status);
	}
	uk_plat_terminate(UK_PLAT_HALT, status);
}
