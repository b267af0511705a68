/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukparam: kernel parameters.
 *
 * A library declares a typed parameter with one macro, at file scope in one
 * of its .c files:
 *
 *	#include <uk/param.h>
 *
 *	UK_PARAM_BOOL(ukalloc, debug, false, "report invalid and double frees");
 *	UK_PARAM_INT(netdev, mtu, 1500, 68, 9000, "MTU of every device");
 *	UK_PARAM_SIZE(vfs, ramfs_max, 0, 0, UK_PARAM_SIZE_MAX,
 *		      "largest ramfs, 0: all memory");
 *	UK_PARAM_STR(netdev, ip, NULL, "address of the first device");
 *	UK_PARAM_STRLIST(vfs, mount, 16,
 *			 "a mount: <source>:<path>:<fstype>[:<options>]");
 *
 * The macro defines the variable that holds the value, named
 * uk_param_<lib>_<name> (UK_PARAM(lib, name) spells it), initialised with
 * the default, and adds a descriptor to the image's parameter table (a
 * linker section). The user sets it on the command line, before "--":
 *
 *	ukalloc.debug netdev.ip=10.0.0.2 vfs.mount=a:/:ramfs vfs.mount=b:/x:9p
 *
 * ukboot parses these arguments once, after the constructors and BEFORE
 * the init table runs, so every init function (of any class) and main()
 * read the final values; nothing changes them afterwards. Reading is
 * plain C:
 *
 *	if (UK_PARAM(ukalloc, debug)) ...
 *	const char *ip = UK_PARAM(netdev, ip);	(NULL: not given)
 *	const char *m;
 *	unsigned int i;
 *
 *	uk_param_strlist_foreach(&UK_PARAM(vfs, mount), i, m)
 *		mount_one(m);
 *
 * Rules of the command line (one shell-split argument each):
 *   <lib>.<name>=<value>  sets the parameter; the last one given wins,
 *                         except for STRLIST, where each one adds a value
 *                         in command-line order;
 *   <lib>.<name>          alone: true for a BOOL, an error otherwise;
 *   help, uk.help         lists every parameter of the image (type,
 *                         default, description) and ends with status 0.
 * An unknown name is a warning naming it (the boot goes on). A bad value
 * (not a number, out of range, bad suffix, a STRLIST given too often)
 * stops the boot with a message naming the parameter and the accepted
 * form, exit status 2; no parameter is set then.
 *
 * Types, C type of the variable, accepted values:
 *   BOOL     bool          1 0 y n yes no true false on off (or bare name)
 *   INT      int           decimal or 0x-hex, optional sign, in [min, max]
 *   SIZE     uint64_t      bytes: a decimal or 0x-hex number with an
 *                          optional K, M or G suffix (powers of 1024,
 *                          either case), in [min, max]
 *   STR      const char *  any text, the empty one included; default may
 *                          be NULL (meaning "not given")
 *   STRLIST  struct uk_param_strlist  repeatable text, at most @max values
 *
 * String values point into the command line, which lives as long as the
 * image: keep the pointer, never write through it.
 *
 * A library that declares parameters selects LIBUKPARAM in its Config.uk
 * (ukboot does too, so every bootable image has ukparam). Code that runs
 * before uk_boot_entry() (a platform's early setup) sees the defaults.
 *
 * Naming: <lib> and <name> are C identifiers ([a-z0-9_]); <lib> is the
 * library's short name as users know it (vfs, netdev, ukalloc), and
 * the pair must be unique in the image (the ukparam tests check it).
 * A variable used by several files of the library is declared in the
 * others with UK_PARAM_EXTERN_<TYPE>(lib, name). The variable is a global
 * symbol, so exportsyms.uk keeps it private to its library unless listed.
 */
#ifndef UK_PARAM_H
#define UK_PARAM_H

#include <stdbool.h>
#include <uk/essentials.h>
#include <uk/section.h>

enum uk_param_type {
	UK_PARAM_T_BOOL = 1,
	UK_PARAM_T_INT,
	UK_PARAM_T_SIZE,
	UK_PARAM_T_STR,
	UK_PARAM_T_STRLIST,
};

/* The values of a repeatable string parameter, in command-line order. */
struct uk_param_strlist {
	unsigned int count; /* values given, 0 .. max */
	unsigned int max;   /* room in @vals */
	const char **vals;
};

/*
 * One entry of the parameter table. Filled by the UK_PARAM_* macros; read
 * by the parser and by help. Fields a type does not use are zero.
 */
struct uk_param {
	const char *name; /* "<lib>.<name>" */
	const char *desc; /* one line, no trailing period needed */
	enum uk_param_type type;
	void *var;	      /* bool *, int *, uint64_t *, const char **,
			       * struct uk_param_strlist * */
	long long imin, imax; /* INT: accepted range */
	uint64_t umin, umax;  /* SIZE: accepted range (bytes) */
	long long idef;	      /* BOOL, INT: default */
	uint64_t udef;	      /* SIZE: default */
	const char *sdef;     /* STR: default (may be NULL) */
};

/* The largest SIZE value, for an unbounded range. */
#define UK_PARAM_SIZE_MAX UINT64_MAX

/* The variable of parameter <lib>.<name>. */
#define UK_PARAM(lib_, name_) uk_param_##lib_##_##name_

/* Walk the values of a STRLIST: @list is a struct uk_param_strlist *. */
#define uk_param_strlist_foreach(list, i, val)                               \
	for ((i) = 0; (i) < (list)->count && ((val) = (list)->vals[(i)], 1); \
	     (i)++)

/* Private: the table entry shared by the typed macros. */
#define __UK_PARAM_ENTRY(lib_, name_, type_, ...)             \
	UK_TABLE_ENTRY(params, 0, struct uk_param,            \
		       __uk_param_entry_##lib_##_##name_) = { \
		.name = #lib_ "." #name_,                     \
		.type = (type_),                              \
		.var = (void *)&UK_PARAM(lib_, name_),        \
		__VA_ARGS__                                   \
	}

#define UK_PARAM_EXTERN_BOOL(lib_, name_) extern bool UK_PARAM(lib_, name_)
#define UK_PARAM_EXTERN_INT(lib_, name_) extern int UK_PARAM(lib_, name_)
#define UK_PARAM_EXTERN_SIZE(lib_, name_) extern uint64_t UK_PARAM(lib_, name_)
#define UK_PARAM_EXTERN_STR(lib_, name_) \
	extern const char *UK_PARAM(lib_, name_)
#define UK_PARAM_EXTERN_STRLIST(lib_, name_) \
	extern struct uk_param_strlist UK_PARAM(lib_, name_)

/* A boolean, default @def (true or false). */
#define UK_PARAM_BOOL(lib_, name_, def, desc_)                          \
	UK_PARAM_EXTERN_BOOL(lib_, name_);                              \
	bool UK_PARAM(lib_, name_) = (def);                             \
	__UK_PARAM_ENTRY(lib_, name_, UK_PARAM_T_BOOL, .desc = (desc_), \
			 .idef = (def))

/* An int in [@min, @max], default @def (checked at compile time). */
#define UK_PARAM_INT(lib_, name_, def, min, max, desc_)                  \
	_Static_assert((long long)(min) <= (long long)(def) &&           \
			       (long long)(def) <= (long long)(max) &&   \
			       (long long)(min) >= -2147483647LL - 1 &&  \
			       (long long)(max) <= 2147483647LL,         \
		       #lib_ "." #name_ ": default outside [min, max]"); \
	UK_PARAM_EXTERN_INT(lib_, name_);                                \
	int UK_PARAM(lib_, name_) = (def);                               \
	__UK_PARAM_ENTRY(lib_, name_, UK_PARAM_T_INT, .desc = (desc_),   \
			 .imin = (min), .imax = (max), .idef = (def))

/* A size in bytes in [@min, @max], default @def (checked at compile time). */
#define UK_PARAM_SIZE(lib_, name_, def, min, max, desc_)                 \
	_Static_assert((uint64_t)(min) <= (uint64_t)(def) &&             \
			       (uint64_t)(def) <= (uint64_t)(max),       \
		       #lib_ "." #name_ ": default outside [min, max]"); \
	UK_PARAM_EXTERN_SIZE(lib_, name_);                               \
	uint64_t UK_PARAM(lib_, name_) = (def);                          \
	__UK_PARAM_ENTRY(lib_, name_, UK_PARAM_T_SIZE, .desc = (desc_),  \
			 .umin = (min), .umax = (max), .udef = (def))

/* A string, default @def (a string literal, or NULL for "not given"). */
#define UK_PARAM_STR(lib_, name_, def, desc_)                          \
	UK_PARAM_EXTERN_STR(lib_, name_);                              \
	const char *UK_PARAM(lib_, name_) = (def);                     \
	__UK_PARAM_ENTRY(lib_, name_, UK_PARAM_T_STR, .desc = (desc_), \
			 .sdef = (def))

/* A repeatable string: up to @max values (a constant >= 1), none by default. */
#define UK_PARAM_STRLIST(lib_, name_, max_, desc_)                          \
	_Static_assert((max_) >= 1, #lib_ "." #name_ ": max must be >= 1"); \
	static const char *__uk_param_vals_##lib_##_##name_[(max_)];        \
	UK_PARAM_EXTERN_STRLIST(lib_, name_);                               \
	struct uk_param_strlist UK_PARAM(lib_, name_) = {                   \
		.count = 0,                                                 \
		.max = (max_),                                              \
		.vals = __uk_param_vals_##lib_##_##name_,                   \
	};                                                                  \
	__UK_PARAM_ENTRY(lib_, name_, UK_PARAM_T_STRLIST, .desc = (desc_),  \
			 .umax = (max_))

UK_TABLE_DECLARE(params, struct uk_param);

/*
 * The parameter named @name ("<lib>.<name>") in this image's table.
 * @return its descriptor, or NULL when the image has none of that name.
 */
const struct uk_param *uk_param_find(const char *name);

/*
 * Parse @value as @p's type and store it. @value NULL means the name was
 * given without "=": true for a BOOL, -EINVAL for the other types. A
 * STRLIST value is appended; others replace the current value.
 * @return 0, or (nothing stored then)
 *   -EINVAL  not a value of the type (not a number, bad suffix, missing)
 *   -ERANGE  a number outside the parameter's range or beyond 64 bits
 *   -ENOSPC  a STRLIST that already holds its @max values
 * A string value is kept by pointer: it must outlive every reader.
 */
int uk_param_set(const struct uk_param *p, const char *value);

/* Give @p its default value back (a STRLIST: no values). */
void uk_param_reset(const struct uk_param *p);

/*
 * Write into @buf (@len bytes, NUL-terminated, cut if too small) what @p
 * accepts, e.g. "an integer from 1 to 5"; the text of error messages.
 * @return the length the full text needs, as snprintf.
 */
int uk_param_form(const struct uk_param *p, char *buf, size_t len);

/* What uk_param_parse_args() returns when an argument asks for help. */
#define UK_PARAM_HELP 1

/*
 * Apply kernel arguments @argv[0 .. @argc-1] to this image's parameters:
 * this is what ukboot calls at boot. Every argument is checked before any
 * is applied, so on error nothing has changed. Unknown names get one
 * warning each (uk_pr_warn, after the values are applied, so that
 * ukdebug.loglevel on the same line applies) and are otherwise ignored.
 * @return 0 when every known parameter was set, or
 *   UK_PARAM_HELP  an argument was "help" or "uk.help": the list has been
 *                  printed (uk_param_help()) and nothing was applied;
 *   -EINVAL/-ERANGE/-ENOSPC  a bad value: a message naming the parameter
 *                  and the accepted form has been printed (uk_pr_crit).
 */
int uk_param_parse_args(int argc, char *const argv[]);

/* Print every parameter of the image, sorted by name, on the console. */
void uk_param_help(void);

/*
 * The size parser every size on a command line goes through (ukparam's
 * SIZE, linuxu's -m, kvm's virtio_mmio.device= sizes): a decimal or
 * 0x-hex number, then an optional suffix K, M or G (either case; powers of
 * 1024). A number without a suffix is shifted left by @plain_shift bits
 * (0: bytes; 20: MiB, QEMU's -m convention).
 * If @end is NULL the whole of @s must be the size; otherwise parsing
 * stops at the first character that cannot continue it and *@end points
 * there (e.g. at the '@' of "4K@0xd0000000").
 * @return 0 with *@out set, or (*@out untouched)
 *   -EINVAL  no digits, or (with @end NULL) text after the size
 *   -ERANGE  the value does not fit in 64 bits
 */
int uk_param_parse_size(const char *s, const char **end,
			unsigned int plain_shift, uint64_t *out);

#endif /* UK_PARAM_H */
