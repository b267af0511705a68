/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Formatted output to strings and to the console. stdout and stderr both go
 * to the platform console, unbuffered: one printf() call is formatted in a
 * small local buffer and written in as few console writes as its length
 * needs, so it keeps its place among other console writers. There is no
 * input and no file system yet.
 */
#ifndef _NOLIBC_STDIO_H
#define _NOLIBC_STDIO_H

#include <stddef.h>
#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

#define EOF	(-1)
#define BUFSIZ	1024

typedef struct _nolibc_file FILE;

extern FILE *stdout;
extern FILE *stderr;
#define stdout stdout
#define stderr stderr

#define __nolibc_printf(f, a) __attribute__((__format__(__printf__, f, a)))

/*
 * The printf family returns the number of characters written (for the
 * snprintf ones: that the whole output needs, without the NUL), or a
 * negative value on an output error or a result longer than INT_MAX.
 * snprintf() and vsnprintf() write at most @size bytes including the
 * terminating NUL, which they always write when @size is not 0; @buf may be
 * NULL when @size is 0. See stdio/vfmt.c for the formats supported.
 */
int printf(const char *__restrict fmt, ...) __nolibc_printf(1, 2);
int fprintf(FILE *__restrict f, const char *__restrict fmt, ...)
	__nolibc_printf(2, 3);
int sprintf(char *__restrict buf, const char *__restrict fmt, ...)
	__nolibc_printf(2, 3);
int snprintf(char *__restrict buf, size_t size, const char *__restrict fmt,
	     ...) __nolibc_printf(3, 4);
int vprintf(const char *__restrict fmt, va_list ap) __nolibc_printf(1, 0);
int vfprintf(FILE *__restrict f, const char *__restrict fmt, va_list ap)
	__nolibc_printf(2, 0);
int vsprintf(char *__restrict buf, const char *__restrict fmt, va_list ap)
	__nolibc_printf(2, 0);
int vsnprintf(char *__restrict buf, size_t size, const char *__restrict fmt,
	      va_list ap) __nolibc_printf(3, 0);

/* Return the character written or EOF on error. */
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
/* Return a non-negative value or EOF on error; puts() adds a newline. */
int fputs(const char *__restrict s, FILE *__restrict f);
int puts(const char *s);
/* Return the number of whole items written. */
size_t fwrite(const void *__restrict ptr, size_t size, size_t nmemb,
	      FILE *__restrict f);
/* Streams are unbuffered, so there is nothing to flush: returns 0. */
int fflush(FILE *f);

#ifdef __cplusplus
}
#endif

#endif /* _NOLIBC_STDIO_H */
