/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * netecho's command line: KEY=VALUE words, in any order.
 *   ip=A.B.C.D       the IPv4 address to answer for (required, except
 *                    in sink mode)
 *   count=N          exit 0 after answering N echo requests (0: never)
 *   mode=intr|poll   wait for frames with the rx interrupt (default) or
 *                    poll the device
 *   sink=N           bench mode: count the frames of EtherType 0x88b5
 *                    (support/bench/tools/pktsend); end after N of them
 *                    or when idle; print their rate (guest clock)
 *   idle=MS          sink: end MS milliseconds after the last frame
 *                    (default 1000)
 *   timeout=S        give up after S seconds (exit 1; 0: never)
 */
#include <stdio.h>
#include <string.h>
#include "netecho.h"

#define USAGE "usage: netecho ip=A.B.C.D [count=N] [mode=intr|poll] " \
	      "[sink=N] [idle=MS] [timeout=S]"

/* A decimal number without sign, spaces or overflow; 0 or -1. */
static int parse_ulong(const char *s, unsigned long max, unsigned long *out)
{
	unsigned long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v > (max - (unsigned long)(*s - '0')) / 10)
			return -1;
		v = v * 10 + (unsigned long)(*s - '0');
	}
	*out = v;
	return 0;
}

/* Exactly four dot-separated decimal bytes; 0 or -1. */
static int parse_ipv4(const char *s, uint8_t ip[4])
{
	unsigned long v;
	char part[4];
	int i, n;

	for (i = 0; i < 4; i++) {
		for (n = 0; *s >= '0' && *s <= '9'; s++) {
			if (n == 3)
				return -1;
			part[n++] = *s;
		}
		part[n] = '\0';
		/* no leading zeros: "010" is ambiguous (octal to some) */
		if (n == 0 || (n > 1 && part[0] == '0') ||
		    parse_ulong(part, 255, &v) < 0)
			return -1;
		ip[i] = (uint8_t)v;
		if (i < 3 && *s++ != '.')
			return -1;
	}
	return *s ? -1 : 0;
}

static int bad(const char *arg, const char *why)
{
	fprintf(stderr, "netecho: bad argument '%s': %s\n%s\n", arg, why,
		USAGE);
	return -1;
}

int netecho_parse_args(int argc, char *argv[], struct netecho_opts *o)
{
	const char *a, *v;
	int i;

	memset(o, 0, sizeof(*o));
	o->idle_ms = 1000;
	for (i = 1; i < argc; i++) {
		a = argv[i];
		v = strchr(a, '=');
		if (!v)
			return bad(a, "expected KEY=VALUE");
		v++;
		if (!strncmp(a, "ip=", 3)) {
			if (parse_ipv4(v, o->ip) < 0)
				return bad(a, "expected an IPv4 address "
					   "A.B.C.D");
			if (o->ip[0] == 0 || o->ip[0] >= 224 ||
			    (o->ip[0] == 127))
				return bad(a, "not a unicast host address");
			o->have_ip = 1;
		} else if (!strncmp(a, "count=", 6)) {
			if (parse_ulong(v, 1UL << 40, &o->count) < 0)
				return bad(a, "expected a number");
		} else if (!strncmp(a, "mode=", 5)) {
			if (!strcmp(v, "intr"))
				o->poll = 0;
			else if (!strcmp(v, "poll"))
				o->poll = 1;
			else
				return bad(a, "expected intr or poll");
		} else if (!strncmp(a, "sink=", 5)) {
			if (parse_ulong(v, 1UL << 40, &o->sink) < 0 ||
			    o->sink == 0)
				return bad(a, "expected a number above 0");
		} else if (!strncmp(a, "idle=", 5)) {
			if (parse_ulong(v, 3600000, &o->idle_ms) < 0 ||
			    o->idle_ms == 0)
				return bad(a, "expected milliseconds "
					   "(1-3600000)");
		} else if (!strncmp(a, "timeout=", 8)) {
			if (parse_ulong(v, 86400, &o->timeout_s) < 0)
				return bad(a, "expected seconds (0-86400)");
		} else {
			return bad(a, "unknown key");
		}
	}
	if (!o->have_ip && !o->sink) {
		fprintf(stderr, "netecho: missing ip=A.B.C.D\n%s\n", USAGE);
		return -1;
	}
	return 0;
}
