/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Kernel parameters: parsing a value for its type, and applying a list of
 * kernel arguments to a table of parameters. Nothing here touches the
 * console, the platform or the image's own table (param.c does), so the
 * host fuzzer builds this file as it is.
 *
 * Applying is done in passes over the arguments: the first checks every
 * value (a STRLIST's room included) without storing, the second stores,
 * the third reports unknown names. A bad value thus leaves every
 * parameter as it was, and a command line is accepted or refused as a
 * whole.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "param_impl.h"

static int lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

static int streq_nocase(const char *a, const char *b)
{
	while (*a && lower(*a) == lower(*b))
		a++, b++;
	return lower(*a) == lower(*b);
}

static int parse_bool(const char *s, bool *out)
{
	static const char *const yes[] = { "1", "y", "yes", "true", "on" };
	static const char *const no[] = { "0", "n", "no", "false", "off" };
	size_t i;

	/* A bare name ("ukalloc.debug") means true. */
	if (!s) {
		*out = true;
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(yes); i++) {
		if (streq_nocase(s, yes[i])) {
			*out = true;
			return 0;
		}
		if (streq_nocase(s, no[i])) {
			*out = false;
			return 0;
		}
	}
	return -EINVAL;
}

/* [+-] then decimal digits or 0x and hex digits, nothing after. */
static int parse_ll(const char *s, long long *out)
{
	unsigned long long v = 0, limit = 9223372036854775807ULL;
	unsigned int base = 10, d;
	int neg = 0, overflow = 0;
	const char *digits;

	if (*s == '-' || *s == '+')
		neg = (*s++ == '-');
	if (neg)
		limit++; /* -2^63 is representable */
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	for (digits = s;; s++) {
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && lower(*s) >= 'a' && lower(*s) <= 'f')
			d = lower(*s) - 'a' + 10;
		else
			break;
		if (v > (limit - d) / base)
			overflow = 1;
		else
			v = v * base + d;
	}
	if (s == digits || *s)
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	/* -(2^63) through unsigned arithmetic: no signed overflow. */
	*out = neg ? (long long)(0 - v) : (long long)v;
	return 0;
}

/* A parsed value, between checking and storing. */
union value {
	bool b;
	int i;
	uint64_t u;
	const char *s;
};

/*
 * Parse @value for @p into the scratch @v without storing it. @pending is
 * how many values earlier arguments will add to a STRLIST.
 */
static int check_value(const struct uk_param *p, const char *value,
		       unsigned int pending, union value *v)
{
	const struct uk_param_strlist *l;
	long long ll;
	uint64_t u;
	int rc;

	switch (p->type) {
	case UK_PARAM_T_BOOL:
		return parse_bool(value, &v->b);
	case UK_PARAM_T_INT:
		if (!value)
			return -EINVAL;
		rc = parse_ll(value, &ll);
		if (rc < 0)
			return rc;
		if (ll < p->imin || ll > p->imax)
			return -ERANGE;
		v->i = (int)ll;
		return 0;
	case UK_PARAM_T_SIZE:
		if (!value)
			return -EINVAL;
		rc = uk_param_parse_size(value, NULL, 0, &u);
		if (rc < 0)
			return rc;
		if (u < p->umin || u > p->umax)
			return -ERANGE;
		v->u = u;
		return 0;
	case UK_PARAM_T_STR:
		if (!value)
			return -EINVAL;
		v->s = value;
		return 0;
	case UK_PARAM_T_STRLIST:
		if (!value)
			return -EINVAL;
		l = p->var;
		if (l->count + pending >= l->max)
			return -ENOSPC;
		v->s = value;
		return 0;
	}
	return -EINVAL;
}

static void store_value(const struct uk_param *p, const union value *v)
{
	struct uk_param_strlist *l;

	switch (p->type) {
	case UK_PARAM_T_BOOL:
		*(bool *)p->var = v->b;
		break;
	case UK_PARAM_T_INT:
		*(int *)p->var = v->i;
		break;
	case UK_PARAM_T_SIZE:
		*(uint64_t *)p->var = v->u;
		break;
	case UK_PARAM_T_STR:
		*(const char **)p->var = v->s;
		break;
	case UK_PARAM_T_STRLIST:
		l = p->var;
		l->vals[l->count++] = v->s;
		break;
	}
}

int uk_param_set(const struct uk_param *p, const char *value)
{
	union value v;
	int rc;

	rc = check_value(p, value, 0, &v);
	if (rc == 0)
		store_value(p, &v);
	return rc;
}

void uk_param_reset(const struct uk_param *p)
{
	switch (p->type) {
	case UK_PARAM_T_BOOL:
		*(bool *)p->var = p->idef != 0;
		break;
	case UK_PARAM_T_INT:
		*(int *)p->var = (int)p->idef;
		break;
	case UK_PARAM_T_SIZE:
		*(uint64_t *)p->var = p->udef;
		break;
	case UK_PARAM_T_STR:
		*(const char **)p->var = p->sdef;
		break;
	case UK_PARAM_T_STRLIST:
		((struct uk_param_strlist *)p->var)->count = 0;
		break;
	}
}

int _uk_param_fmt_size(char *buf, size_t len, uint64_t v)
{
	static const char suffix[] = "GMK";
	unsigned int i;

	for (i = 0; v && i < 3; i++) {
		unsigned int shift = 30 - 10 * i;

		if (!(v & ((1ULL << shift) - 1)))
			return snprintf(buf, len, "%llu%c",
					(unsigned long long)(v >> shift),
					suffix[i]);
	}
	return snprintf(buf, len, "%llu", (unsigned long long)v);
}

int uk_param_form(const struct uk_param *p, char *buf, size_t len)
{
	char lo[24], hi[24];

	switch (p->type) {
	case UK_PARAM_T_BOOL:
		return snprintf(buf, len,
				"a boolean: 1, 0, y, n, yes, no, true, false, "
				"on or off (the bare name: true)");
	case UK_PARAM_T_INT:
		return snprintf(
			buf, len,
			"an integer from %lld to %lld (decimal or 0x-hex)",
			p->imin, p->imax);
	case UK_PARAM_T_SIZE:
		_uk_param_fmt_size(lo, sizeof(lo), p->umin);
		_uk_param_fmt_size(hi, sizeof(hi), p->umax);
		if (p->umax == UK_PARAM_SIZE_MAX)
			return snprintf(buf, len,
					"a size of at least %s (bytes, or a "
					"number with a K, M or G suffix)",
					lo);
		return snprintf(buf, len,
				"a size from %s to %s (bytes, or a number with "
				"a K, M or G suffix)",
				lo, hi);
	case UK_PARAM_T_STR:
		return snprintf(buf, len, "%s=<text>", p->name);
	case UK_PARAM_T_STRLIST:
		return snprintf(buf, len, "%s=<text>, given at most %llu times",
				p->name, (unsigned long long)p->umax);
	}
	return snprintf(buf, len, "nothing (unknown type)");
}

const char *_uk_param_split(const char *arg, size_t *namelen)
{
	const char *eq = strchr(arg, '=');

	*namelen = eq ? (size_t)(eq - arg) : strlen(arg);
	return eq ? eq + 1 : NULL;
}

int _uk_param_is_help(const char *arg)
{
	return !strcmp(arg, "help") || !strcmp(arg, "uk.help");
}

const struct uk_param *_uk_param_lookup(const struct uk_param *start,
					const struct uk_param *end,
					const char *name, size_t len)
{
	const struct uk_param *p;

	for (p = start; p < end; p++)
		if (!strncmp(p->name, name, len) && !p->name[len])
			return p;
	return NULL;
}

/* How many of @argv[0 .. @i-1] name @p (the values a STRLIST gets first). */
static unsigned int earlier_uses(const struct uk_param *start,
				 const struct uk_param *end, char *const argv[],
				 int i, const struct uk_param *p)
{
	unsigned int n = 0;
	size_t len;
	int j;

	for (j = 0; j < i; j++) {
		_uk_param_split(argv[j], &len);
		if (_uk_param_lookup(start, end, argv[j], len) == p)
			n++;
	}
	return n;
}

int _uk_param_apply(const struct uk_param *start, const struct uk_param *end,
		    int argc, char *const argv[], int *bad,
		    const struct uk_param **badp, _uk_param_unknown_fn unknown,
		    void *cookie)
{
	const struct uk_param *p;
	const char *value;
	unsigned int pending;
	union value v;
	size_t len;
	int i, rc;

	for (i = 0; i < argc; i++)
		if (_uk_param_is_help(argv[i]))
			return UK_PARAM_HELP;

	/* Pass 1: check everything, store nothing. */
	for (i = 0; i < argc; i++) {
		value = _uk_param_split(argv[i], &len);
		p = _uk_param_lookup(start, end, argv[i], len);
		if (!p)
			continue;
		pending = p->type == UK_PARAM_T_STRLIST
				  ? earlier_uses(start, end, argv, i, p)
				  : 0;
		rc = check_value(p, value, pending, &v);
		if (rc < 0) {
			*bad = i;
			*badp = p;
			return rc;
		}
	}
	/* Pass 2: every value is good. */
	for (i = 0; i < argc; i++) {
		value = _uk_param_split(argv[i], &len);
		p = _uk_param_lookup(start, end, argv[i], len);
		if (p && check_value(p, value, 0, &v) == 0)
			store_value(p, &v);
	}
	/*
	 * Pass 3: the unknown names, once every parameter has its value, so
	 * that ukdebug.loglevel given on the same line decides whether the
	 * warnings show.
	 */
	for (i = 0; unknown && i < argc; i++) {
		_uk_param_split(argv[i], &len);
		if (!_uk_param_lookup(start, end, argv[i], len))
			unknown(argv[i], cookie);
	}
	return 0;
}
