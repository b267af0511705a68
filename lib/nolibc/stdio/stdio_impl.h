/* SPDX-License-Identifier: BSD-3-Clause */
/* nolibc stdio internals: streams, the output sink and the formatter. */
#ifndef _NOLIBC_INTERNAL_STDIO_IMPL_H
#define _NOLIBC_INTERNAL_STDIO_IMPL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/*
 * A stream: the transfer functions of what it is on (the console, or an
 * fd when the image has the fd table), an optional buffer and its state.
 * Output collects in buf[0..wlen) until full (or a newline, line
 * buffered, or every call, unbuffered); input is read ahead into
 * buf[rpos..rlen). A stream is reading or writing, never both at once:
 * switching flushes or drops the read-ahead (seeking the fd back).
 */
struct _nolibc_file {
	/* Write all of @buf; returns 0 or a negative errno. */
	int (*write)(FILE *f, const char *buf, size_t len);
	/* Read up to @len: the count, 0 at end of file, or -errno. */
	long (*read)(FILE *f, char *buf, size_t len);
	/* lseek(): the new offset or -errno. NULL: not seekable. */
	long long (*seek)(FILE *f, long long off, int whence);
	int fd;		/* -1: the console itself */
	int err;	/* an I/O error happened (sticky, ferror()) */
	int eof;	/* end of file seen (sticky, feof()) */
	unsigned int can;	/* _NOLIBC_F_READ | _NOLIBC_F_WRITE */
	int bufmode;	/* _IOFBF, _IOLBF, _IONBF */
	char *buf;
	size_t bufsize;
	size_t wlen;	/* output bytes in buf */
	size_t rpos, rlen;	/* input bytes buf[rpos..rlen) */
	int ungot;	/* ungetc()'s byte, or EOF */
	unsigned int flags;	/* _NOLIBC_F_* below */
	struct _nolibc_file *next;	/* the open streams (fopen'ed) */
};

#define _NOLIBC_F_READ		0x1
#define _NOLIBC_F_WRITE		0x2
#define _NOLIBC_F_OWNBUF	0x4	/* buf was malloc'ed by us */
#define _NOLIBC_F_STATIC	0x8	/* stdin/stdout/stderr: never freed */

/*
 * Write @len bytes to @f through its buffer; on failure sets f->err and
 * returns -errno.
 */
int _nolibc_file_write(FILE *f, const char *buf, size_t len);
/* Write out the output buffer: 0 or -errno (f->err set). */
int _nolibc_file_flush(FILE *f);
/*
 * Stop reading: drop the read-ahead and move the fd back to where the
 * reader is. 0 or -errno.
 */
int _nolibc_file_unread(FILE *f);
/* Refill the input buffer: bytes now buffered, 0 at EOF, -errno. */
long _nolibc_file_fill(FILE *f);
/* Give @f a buffer if it has none and should; 0 or -ENOMEM. */
int _nolibc_file_bufalloc(FILE *f);

/* The streams fopen() made, for fflush(NULL) and exit. */
extern FILE *_nolibc_open_files;

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
