/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

/*
 * Split @s at any byte of @delim, in place; pass NULL as @s to go on with
 * the string of the previous call, whose position *@saveptr keeps. Returns
 * the next token, or NULL when only delimiters are left.
 */
char *strtok_r(char *__restrict s, const char *__restrict delim,
	       char **__restrict saveptr)
{
	char *end;

	if (!s)
		s = *saveptr;
	if (!s)
		return NULL;
	s += strspn(s, delim);
	if (!*s) {
		*saveptr = s;
		return NULL;
	}
	end = s + strcspn(s, delim);
	if (*end)
		*end++ = '\0';
	*saveptr = end;
	return s;
}
