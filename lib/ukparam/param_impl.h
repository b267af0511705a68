/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Private to ukparam: the argument parser over any table of parameters,
 * so that the image's table (param.c), the unit tests and the host fuzzer
 * (tests/fuzz/ukparam) all run the same code.
 */
#ifndef UKPARAM_IMPL_H
#define UKPARAM_IMPL_H

#include <uk/param.h>

/* Called once per argument that names no parameter of the table. */
typedef void (*_uk_param_unknown_fn)(const char *arg, void *cookie);

/*
 * The parameter of [@start, @end) named by the first @len bytes of @name,
 * or NULL.
 */
const struct uk_param *_uk_param_lookup(const struct uk_param *start,
					const struct uk_param *end,
					const char *name, size_t len);

/*
 * uk_param_parse_args() over the table [@start, @end), without printing:
 * on a bad value *@bad is the index of its argument and *@badp its
 * parameter. Every argument is checked before the first is applied; when
 * all are applied, the unknown names go to @unknown (may be NULL).
 * @return 0, UK_PARAM_HELP (nothing applied) or -EINVAL/-ERANGE/-ENOSPC.
 */
int _uk_param_apply(const struct uk_param *start, const struct uk_param *end,
		    int argc, char *const argv[], int *bad,
		    const struct uk_param **badp, _uk_param_unknown_fn unknown,
		    void *cookie);

/*
 * Split kernel argument @arg at its first '=': *@namelen is the length of
 * the name, and the return value the value (NULL without '=').
 */
const char *_uk_param_split(const char *arg, size_t *namelen);

/* Is @arg a request for the list of parameters? */
int _uk_param_is_help(const char *arg);

/* @v written with the largest K/M/G suffix that divides it exactly. */
int _uk_param_fmt_size(char *buf, size_t len, uint64_t v);

#endif /* UKPARAM_IMPL_H */
