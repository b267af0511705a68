/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The one parser of sizes on command lines (see uk_param_parse_size() in
 * uk/param.h). It depends on nothing but the compiler's headers and errno
 * values, so that the fuzzer (tests/fuzz/ukparam) builds this very file on
 * the host.
 */
#include <errno.h>
#include <uk/param.h>

static int digit_value(char c, unsigned int base)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (base == 16 && c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (base == 16 && c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int uk_param_parse_size(const char *s, const char **end,
			unsigned int plain_shift, uint64_t *out)
{
	unsigned int base = 10, shift = plain_shift;
	int overflow = 0, d;
	uint64_t v = 0;

	if (!s)
		return -EINVAL;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (digit_value(*s, base) < 0)
		return -EINVAL;
	/* Keep reading past an overflow: trailing junk is -EINVAL first. */
	for (; (d = digit_value(*s, base)) >= 0; s++) {
		if (v > (UINT64_MAX - (unsigned int)d) / base)
			overflow = 1;
		else
			v = v * base + (unsigned int)d;
	}
	switch (*s) {
	case 'K':
	case 'k':
		shift = 10;
		s++;
		break;
	case 'M':
	case 'm':
		shift = 20;
		s++;
		break;
	case 'G':
	case 'g':
		shift = 30;
		s++;
		break;
	default:
		break;
	}
	if (!end && *s)
		return -EINVAL;
	if (overflow || shift >= 64 || v > (UINT64_MAX >> shift))
		return -ERANGE;
	if (end)
		*end = s;
	*out = v << shift;
	return 0;
}
