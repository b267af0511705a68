/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Linker-section tables: libraries add entries to a named table from their
 * own files and a consumer walks the table, so the consumer never learns the
 * names of the libraries that registered (FreeBSD's linker_set idea).
 *
 * Entries go into input sections ".uk_<table>.<order>"; the image's linker
 * script (support/build/lds/kiln-sections.lds) gathers them, sorted by name,
 * into one output section bracketed by __uk_<table>_start/_end. Tables a
 * linker script does not list cannot be used.
 */
#ifndef UK_SECTION_H
#define UK_SECTION_H

#include <uk/essentials.h>

/* Private: build the section name and a unique identifier. */
#define __UK_TABLE_SECNAME(table, order) ".uk_" #table "." #order
#define __UK_TABLE_CAT2(a, b) a##b
#define __UK_TABLE_CAT(a, b) __UK_TABLE_CAT2(a, b)

/* Public: declare the bounds of a table before walking it. */
#define UK_TABLE_DECLARE(table, type)                                        \
	extern const type __uk_##table##_start[];                            \
	extern const type __uk_##table##_end[]

/*
 * Public: add one entry of @type to @table; entries sort by @order (a string
 * of digits of fixed width); entries of equal order come in no set order
 * (the compiler may reverse those of one file).
 */
#define UK_TABLE_ENTRY(table, order, type, name)                             \
	static const type name __used __aligned(8)                           \
		__section(__UK_TABLE_SECNAME(table, order))

#define UK_TABLE_FOREACH(it, table)                                          \
	for ((it) = __uk_##table##_start; (it) < __uk_##table##_end; (it)++)

#define UK_TABLE_COUNT(table) ((size_t)(__uk_##table##_end - __uk_##table##_start))

#endif /* UK_SECTION_H */
