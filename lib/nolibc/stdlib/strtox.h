/* SPDX-License-Identifier: BSD-3-Clause */
/* The parser shared by the strtol family; each caller applies its range. */
#ifndef _NOLIBC_INTERNAL_STRTOX_H
#define _NOLIBC_INTERNAL_STRTOX_H

struct _nolibc_strtox {
	unsigned long long mag;	/* magnitude; ULLONG_MAX on overflow */
	int neg;		/* a '-' sign was read */
	int overflow;		/* the magnitude did not fit */
};

/*
 * Parse @s as strtol() describes (white space, sign, prefix, digits) and
 * store the first unused character in *@endptr if @endptr is not NULL.
 * Returns 0, or -EINVAL for a bad @base (then *@endptr is @s).
 */
int _nolibc_strtox(const char *s, char **endptr, int base,
		   struct _nolibc_strtox *res);

#endif /* _NOLIBC_INTERNAL_STRTOX_H */
