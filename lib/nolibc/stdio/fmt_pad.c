/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Field padding shared by all conversions: spaces on the left by default,
 * on the right with '-', and zeros between prefix and digits with '0'
 * (callers clear FMT_ZERO where C says it does not apply).
 */
#include "stdio_impl.h"

static size_t pad_len(const struct _nolibc_spec *sp, size_t len)
{
	return (size_t)sp->width > len ? (size_t)sp->width - len : 0;
}

void _nolibc_fmt_pre(struct _nolibc_sink *k, const struct _nolibc_spec *sp,
		     const char *prefix, size_t plen, size_t len)
{
	size_t pad = pad_len(sp, len);

	if (sp->flags & FMT_MINUS) {
		_nolibc_sink_write(k, prefix, plen);
		return;
	}
	if (!(sp->flags & FMT_ZERO))
		_nolibc_sink_fill(k, ' ', pad);
	_nolibc_sink_write(k, prefix, plen);
	if (sp->flags & FMT_ZERO)
		_nolibc_sink_fill(k, '0', pad);
}

void _nolibc_fmt_post(struct _nolibc_sink *k, const struct _nolibc_spec *sp,
		      size_t len)
{
	if (sp->flags & FMT_MINUS)
		_nolibc_sink_fill(k, ' ', pad_len(sp, len));
}
