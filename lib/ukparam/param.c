/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The image's kernel parameters: the table the UK_PARAM_* macros fill
 * (linker section .uk_params), what ukboot calls to apply the kernel
 * arguments to it, and the help listing. Parsing itself is in parse.c.
 *
 * This runs before the init table, hence before any allocator: nothing
 * here allocates, and string values point into the command line.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <uk/print.h>
#include "param_impl.h"

const struct uk_param *uk_param_find(const char *name)
{
	return _uk_param_lookup(__uk_params_start, __uk_params_end, name,
				strlen(name));
}

/*
 * Copy @s into @buf for a message: at most 48 bytes of it, control bytes
 * as '?', so that one message stays one readable line whatever was typed.
 */
static const char *printable(const char *s, char *buf, size_t len)
{
	size_t i;

	for (i = 0; s[i] && i + 4 < len && i < 48; i++)
		buf[i] = ((unsigned char)s[i] < ' ' || s[i] == 0x7f) ? '?'
								     : s[i];
	if (s[i])
		buf[i++] = '.', buf[i++] = '.', buf[i++] = '.';
	buf[i] = '\0';
	return buf;
}

/* The name only: a value may be long, or not meant for a log. */
static void warn_unknown(const char *arg, void *cookie __unused)
{
	char name[56], shown[56];
	size_t len;

	_uk_param_split(arg, &len);
	len = MIN(len, sizeof(name) - 1);
	memcpy(name, arg, len);
	name[len] = '\0';
	uk_pr_warn(
		"unknown kernel parameter '%s' ignored (\"help\" lists them)",
		printable(name, shown, sizeof(shown)));
}

static const char *why(const struct uk_param *p, const char *value, int rc)
{
	if (rc == -ENOSPC)
		return "given too many times";
	if (rc == -ERANGE)
		return "out of range";
	if (!value)
		return "no value";
	switch (p->type) {
	case UK_PARAM_T_INT:
		return "not an integer";
	case UK_PARAM_T_SIZE:
		return "not a size";
	default:
		return "not a valid value";
	}
}

int uk_param_parse_args(int argc, char *const argv[])
{
	const struct uk_param *p = NULL;
	char shown[56], form[160];
	int bad = 0, rc;
	size_t len;
	const char *value;

	rc = _uk_param_apply(__uk_params_start, __uk_params_end, argc, argv,
			     &bad, &p, warn_unknown, NULL);
	if (rc == UK_PARAM_HELP) {
		uk_param_help();
		return rc;
	}
	if (rc < 0) {
		value = _uk_param_split(argv[bad], &len);
		uk_param_form(p, form, sizeof(form));
		uk_pr_crit("bad kernel parameter %s%s%s: %s: expected %s",
			   p->name, value ? "=" : "",
			   value ? printable(value, shown, sizeof(shown)) : "",
			   why(p, value, rc), form);
	}
	return rc;
}

/* "<int 1..5>", "<size>", ...: the value part of a help line. */
static void type_tag(const struct uk_param *p, char *buf, size_t len)
{
	char lo[24], hi[24];

	switch (p->type) {
	case UK_PARAM_T_BOOL:
		snprintf(buf, len, "[=bool]");
		break;
	case UK_PARAM_T_INT:
		snprintf(buf, len, "=<int %lld..%lld>", p->imin, p->imax);
		break;
	case UK_PARAM_T_SIZE:
		_uk_param_fmt_size(lo, sizeof(lo), p->umin);
		_uk_param_fmt_size(hi, sizeof(hi), p->umax);
		if (p->umax == UK_PARAM_SIZE_MAX)
			snprintf(buf, len, "=<size %s..>", lo);
		else
			snprintf(buf, len, "=<size %s..%s>", lo, hi);
		break;
	case UK_PARAM_T_STR:
		snprintf(buf, len, "=<string>");
		break;
	case UK_PARAM_T_STRLIST:
		snprintf(buf, len, "=<string> (repeatable, at most %llu)",
			 (unsigned long long)p->umax);
		break;
	}
}

static void default_text(const struct uk_param *p, char *buf, size_t len)
{
	switch (p->type) {
	case UK_PARAM_T_BOOL:
		snprintf(buf, len, "%s", p->idef ? "true" : "false");
		break;
	case UK_PARAM_T_INT:
		snprintf(buf, len, "%lld", p->idef);
		break;
	case UK_PARAM_T_SIZE:
		_uk_param_fmt_size(buf, len, p->udef);
		break;
	case UK_PARAM_T_STR:
		if (p->sdef)
			snprintf(buf, len, "\"%s\"", p->sdef);
		else
			snprintf(buf, len, "none");
		break;
	case UK_PARAM_T_STRLIST:
		snprintf(buf, len, "none");
		break;
	}
}

/* The next parameter after @prev in name order (NULL: the first). */
static const struct uk_param *next_by_name(const struct uk_param *prev)
{
	const struct uk_param *p, *best = NULL;

	for (p = __uk_params_start; p < __uk_params_end; p++) {
		if (prev && strcmp(p->name, prev->name) <= 0)
			continue;
		if (!best || strcmp(p->name, best->name) < 0)
			best = p;
	}
	return best;
}

void uk_param_help(void)
{
	const struct uk_param *p = NULL;
	char tag[64], def[64];

	printf("Kernel parameters of this image (name=value, before "
	       "\"--\"):\n");
	if (!UK_TABLE_COUNT(params))
		printf("  (none)\n");
	/* Sorted without memory to sort in: a selection, n is small. */
	while ((p = next_by_name(p))) {
		type_tag(p, tag, sizeof(tag));
		default_text(p, def, sizeof(def));
		printf("  %s%s  default %s\n      %s\n", p->name, tag, def,
		       p->desc ? p->desc : "");
	}
}
