/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The init table: a library registers an init function (and optionally a
 * term function run at shutdown) by class and priority. ukboot calls every
 * init in order of (class, priority) before main(), and the term functions
 * of the inits that succeeded in reverse order after main(). Entries of the
 * same class and priority run in an unspecified order: give an init that
 * must follow another a later priority.
 *
 * Contract: init returns 0 or a negative errno; a failing init stops the
 * boot with a message naming the function. term receives the exit status.
 */
#ifndef UK_INIT_H
#define UK_INIT_H

#include <uk/section.h>

typedef int (*uk_init_func_t)(void);
typedef void (*uk_term_func_t)(int status);

struct uk_inittab_entry {
	uk_init_func_t init;
	uk_term_func_t term;
	const char *name;
};

/* Classes, in boot order. */
#define UK_INIT_CLASS_EARLY	1 /* before anything allocates */
#define UK_INIT_CLASS_PLAT	2 /* platform devices, timers */
#define UK_INIT_CLASS_LIB	3 /* ordinary libraries */
#define UK_INIT_CLASS_ROOTFS	4 /* filesystems */
#define UK_INIT_CLASS_SYS	5 /* system services */
#define UK_INIT_CLASS_LATE	6 /* just before main(), e.g. self-tests */

/* Priorities inside a class: 0 (first) to 9 (last). */
#define UK_INIT_PRIO_FIRST	0
#define UK_INIT_PRIO_DEFAULT	5
#define UK_INIT_PRIO_LAST	9

#define __UK_INIT_CAT2(a, b) a##b
#define __UK_INIT_CAT(a, b) __UK_INIT_CAT2(a, b)
#define __UK_INITTAB_ORDER(class, prio) class##prio

/* @class and @prio must be integer literals (or macros expanding to them). */
#define __uk_initcall(init_fn, term_fn, class, prio)                          \
	__UK_INITCALL_EXPAND(init_fn, term_fn, class, prio)
#define __UK_INITCALL_EXPAND(init_fn, term_fn, class, prio)                   \
	UK_TABLE_ENTRY(inittab, __UK_INITTAB_ORDER(class, prio),              \
		       struct uk_inittab_entry,                               \
		       __UK_INIT_CAT(__uk_inittab_, init_fn)) = {             \
		.init = (init_fn),                                            \
		.term = (term_fn),                                            \
		.name = #init_fn,                                             \
	}

#define uk_initcall_class_prio(init, term, class, prio)                      \
	__uk_initcall(init, term, class, prio)

#define uk_early_initcall(init, term)                                        \
	__uk_initcall(init, term, UK_INIT_CLASS_EARLY, UK_INIT_PRIO_DEFAULT)
#define uk_plat_initcall(init, term)                                         \
	__uk_initcall(init, term, UK_INIT_CLASS_PLAT, UK_INIT_PRIO_DEFAULT)
#define uk_lib_initcall(init, term)                                          \
	__uk_initcall(init, term, UK_INIT_CLASS_LIB, UK_INIT_PRIO_DEFAULT)
#define uk_rootfs_initcall(init, term)                                       \
	__uk_initcall(init, term, UK_INIT_CLASS_ROOTFS, UK_INIT_PRIO_DEFAULT)
#define uk_sys_initcall(init, term)                                          \
	__uk_initcall(init, term, UK_INIT_CLASS_SYS, UK_INIT_PRIO_DEFAULT)
#define uk_late_initcall(init, term)                                         \
	__uk_initcall(init, term, UK_INIT_CLASS_LATE, UK_INIT_PRIO_DEFAULT)

UK_TABLE_DECLARE(inittab, struct uk_inittab_entry);

#endif /* UK_INIT_H */
