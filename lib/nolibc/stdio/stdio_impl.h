/* SPDX-License-Identifier: BSD-3-Clause */
/* nolibc stdio internals: streams, the output sink and the formatter. */
#ifndef _NOLIBC_INTERNAL_STDIO_IMPL_H
#define _NOLIBC_INTERNAL_STDIO_IMPL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

struct _nolibc_file {
	/* Write all of @buf; returns 0 or a negative errno. */
	int (*write)(FILE *f, const char *buf, size_t len);
	int err;	/* a write failed (sticky, as ferror() reports) */
};

/* Write @len bytes to @f; on failure sets f->err and returns -errno. */
int _nolibc_file_write(FILE *f, const char *buf, size_t len);

/*
 * Where formatted output goes: a caller's buffer (f == NULL), or a local
 * buffer that is written to the stream @f each time it fills up.
 */
struct _nolibc_sink {
	char *buf;
	size_t cap;	/* bytes @buf can take */
	size_t pos;	/* bytes now in @buf */
	size_t total;	/* bytes produced, including the ones dropped */
	FILE *f;
	int err;	/* negative errno of the first failed write, or 0 */
};

void _nolibc_sink_write(struct _nolibc_sink *k, const char *s, size_t n);
void _nolibc_sink_fill(struct _nolibc_sink *k, char c, size_t n);
/* Write out what the buffer holds (stream sinks only). */
void _nolibc_sink_flush(struct _nolibc_sink *k);
/*
 * The printf-style result: the total as an int, or -1 with errno set when a
 * write failed (the stream's error) or the total exceeds INT_MAX
 * (EOVERFLOW).
 */
int _nolibc_sink_result(const struct _nolibc_sink *k);

/* One conversion specification, as parsed by _nolibc_vfmt(). */
#define FMT_MINUS	0x01	/* '-': pad on the right */
#define FMT_PLUS	0x02	/* '+': always a sign */
#define FMT_SPACE	0x04	/* ' ': a space where the sign would be */
#define FMT_ALT		0x08	/* '#': alternative form */
#define FMT_ZERO	0x10	/* '0': pad with zeros after the sign */

struct _nolibc_spec {
	unsigned int flags;
	int width;	/* 0 when not given */
	int prec;	/* -1 when not given */
	char conv;	/* the conversion character */
};

/* Format @fmt into @k; the core of the whole printf family. */
void _nolibc_vfmt(struct _nolibc_sink *k, const char *fmt, va_list ap);

/*
 * Field layout for a conversion @len characters long, @plen of which are a
 * prefix (sign, "0x") that zero padding goes after: _pre() writes the left
 * padding and the prefix, _post() the right padding.
 */
void _nolibc_fmt_pre(struct _nolibc_sink *k, const struct _nolibc_spec *sp,
		     const char *prefix, size_t plen, size_t len);
void _nolibc_fmt_post(struct _nolibc_sink *k, const struct _nolibc_spec *sp,
		      size_t len);

/* %f %F %e %E %g %G for @x (fmt_fp.c). */
void _nolibc_fmt_fp(struct _nolibc_sink *k, const struct _nolibc_spec *sp,
		    double x);

#endif /* _NOLIBC_INTERNAL_STDIO_IMPL_H */
