/* SPDX-License-Identifier: BSD-3-Clause */
/* One readable line for an archive error, whatever bytes the name holds. */
#include <string.h>
#include <uk/cpio.h>
#include <uk/print.h>

/* Longest part of a name shown; the rest is elided. */
#define SHOW_MAX 64

void uk_cpio_print_error(const char *what, const struct uk_cpio_reader *r,
			 int rc)
{
	char name[SHOW_MAX * 4 + 4], *p = name;
	size_t i, n = r->err_name ? r->err_namelen : 0;
	static const char hex[] = "0123456789abcdef";
	unsigned char c;

	for (i = 0; i < n && i < SHOW_MAX; i++) {
		c = r->err_name[i];
		if (c < ' ' || c >= 0x7f || c == '\'' || c == '\\') {
			*p++ = '\\';
			*p++ = 'x';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		} else {
			*p++ = c;
		}
	}
	if (i < n) {
		memcpy(p, "...", 3);
		p += 3;
	}
	*p = '\0';
	if (!r->nr)
		uk_pr_crit("%s: %s (%s)", what, r->err ? r->err : "error",
			   strerror(-rc));
	else if (r->err_name)
		uk_pr_crit("%s: entry %lu '%s' at offset %zu: %s (%s)", what,
			   r->nr, name, r->err_off, r->err ? r->err : "error",
			   strerror(-rc));
	else
		uk_pr_crit("%s: entry %lu (name unreadable) at offset %zu: %s "
			   "(%s)",
			   what, r->nr, r->err_off, r->err ? r->err : "error",
			   strerror(-rc));
}
