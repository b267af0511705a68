/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fuzz the kernel-parameter path of the boot: a command line as a loader
 * passes it (any bytes up to a NUL), split by ukargparse, cut at "--",
 * applied by ukparam to a table with one parameter of each type; and the
 * size parser on the same bytes, against a slow reference written here.
 *
 * Beyond "no crash, no undefined behaviour", each input checks the
 * contracts of uk/param.h: a refused command line changes no parameter;
 * an accepted one leaves every value in its range and every string
 * pointing into the command line; the size parser agrees with the
 * reference and with itself (end pointer against whole string).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <uk/argparse.h>
#include <uk/param.h>
#include "param_impl.h"

#define MAXARGS 64

static bool v_flag;
static int v_num = 7;
static uint64_t v_size = 4096;
static const char *v_str = "d";
static const char *v_vals[2];
static struct uk_param_strlist v_list = { 0, 2, v_vals };

static const struct uk_param table[] = {
	{ .name = "fz.flag",
	  .desc = "b",
	  .type = UK_PARAM_T_BOOL,
	  .var = &v_flag,
	  .idef = 0 },
	{ .name = "fz.num",
	  .desc = "i",
	  .type = UK_PARAM_T_INT,
	  .var = &v_num,
	  .imin = -100,
	  .imax = 1000,
	  .idef = 7 },
	{ .name = "fz.size",
	  .desc = "s",
	  .type = UK_PARAM_T_SIZE,
	  .var = &v_size,
	  .umin = 512,
	  .umax = 1ULL << 40,
	  .udef = 4096 },
	{ .name = "fz.str",
	  .desc = "t",
	  .type = UK_PARAM_T_STR,
	  .var = &v_str,
	  .sdef = "d" },
	{ .name = "fz.list",
	  .desc = "l",
	  .type = UK_PARAM_T_STRLIST,
	  .var = &v_list,
	  .umax = 2 },
};
#define TABLE_END (table + sizeof(table) / sizeof(table[0]))

/* The size grammar, the slow way: unsigned __int128 cannot overflow. */
static int ref_size(const char *s, unsigned int plain_shift, uint64_t *out,
		    size_t *used)
{
	unsigned __int128 v = 0;
	const char *p = s;
	unsigned int base = 10, shift = plain_shift;
	int big = 0, any = 0;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	for (;; p++) {
		int d;

		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (base == 16 && *p >= 'a' && *p <= 'f')
			d = *p - 'a' + 10;
		else if (base == 16 && *p >= 'A' && *p <= 'F')
			d = *p - 'A' + 10;
		else
			break;
		any = 1;
		v = v * base + d;
		if (v > UINT64_MAX)
			big = 1, v = UINT64_MAX; /* stays "too big" */
	}
	if (!any)
		return -EINVAL;
	if (*p == 'k' || *p == 'K')
		shift = 10, p++;
	else if (*p == 'm' || *p == 'M')
		shift = 20, p++;
	else if (*p == 'g' || *p == 'G')
		shift = 30, p++;
	*used = p - s;
	if (big || (v << shift) > UINT64_MAX)
		return -ERANGE;
	*out = (uint64_t)(v << shift);
	return 0;
}

static void check_size(const char *s)
{
	static const unsigned int shifts[] = { 0, 20 };
	unsigned int i;

	for (i = 0; i < 2; i++) {
		uint64_t got = 0xdeadbeef, want = 0, pre = 0;
		const char *end = NULL;
		size_t used = 0;
		int rc, ref, rce;

		ref = ref_size(s, shifts[i], &want, &used);
		rc = uk_param_parse_size(s, NULL, shifts[i], &got);
		/* Whole-string mode: the reference must have used it all. */
		if (ref == 0 && s[used])
			ref = -EINVAL;
		if (ref == -ERANGE && s[used])
			ref = -EINVAL; /* junk is reported before size */
		if (rc != ref || (rc == 0 && got != want) ||
		    (rc < 0 && got != 0xdeadbeef))
			abort();
		/* End-pointer mode stops where the reference stopped. */
		rce = uk_param_parse_size(s, &end, shifts[i], &pre);
		ref = ref_size(s, shifts[i], &want, &used);
		if (rce != ref)
			abort();
		if (rce == 0 && (end != s + used || pre != want))
			abort();
	}
}

struct snapshot {
	bool flag;
	int num;
	uint64_t size;
	const char *str;
	unsigned int count;
};

static void take(struct snapshot *s)
{
	memset(s, 0, sizeof(*s)); /* padding too: compared by memcmp */
	s->flag = v_flag;
	s->num = v_num;
	s->size = v_size;
	s->str = v_str;
	s->count = v_list.count;
}

static int in_buf(const char *p, const char *buf, size_t len)
{
	return p >= buf && p <= buf + len;
}

static void check_cmdline(char *buf, size_t len)
{
	char *argv[MAXARGS + 1], **kargv, **aargv;
	int argc, kargc, aargc, bad = -1, rc;
	const struct uk_param *badp = NULL, *p;
	struct snapshot before, after;
	char form[48];
	unsigned int i;

	argc = uk_argparse(buf, argv, MAXARGS);
	if (argc < 0)
		return;
	if (argv[argc] != NULL)
		abort();
	uk_argparse_split(argc, argv, &kargc, &kargv, &aargc, &aargv);
	if (kargc < 0 || aargc < 0 || kargc + aargc > argc)
		abort();

	take(&before);
	rc = _uk_param_apply(table, TABLE_END, kargc, kargv, &bad, &badp, NULL,
			     NULL);
	take(&after);
	if (rc != 0) {
		/* Refused or help: nothing may have changed. */
		if (memcmp(&before, &after, sizeof(before)))
			abort();
		if (rc < 0 && (bad < 0 || bad >= kargc || !badp))
			abort();
		if (rc != UK_PARAM_HELP && rc != -EINVAL && rc != -ERANGE &&
		    rc != -ENOSPC)
			abort();
	} else {
		if (v_num < -100 || v_num > 1000)
			abort();
		if (v_size < 512 || v_size > (1ULL << 40))
			abort();
		if (v_list.count > 2)
			abort();
		if (v_str != table[3].sdef && !in_buf(v_str, buf, len))
			abort();
		for (i = 0; i < v_list.count; i++)
			if (!in_buf(v_list.vals[i], buf, len))
				abort();
	}
	for (p = table; p < TABLE_END; p++) {
		uk_param_form(p, form, sizeof(form));
		if (strlen(form) >= sizeof(form))
			abort();
		uk_param_reset(p);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	check_size(buf);
	check_cmdline(buf, size);
	free(buf);
	return 0;
}
