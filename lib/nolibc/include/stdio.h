/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Streams. Without the fd table (the smallest images) stdout and stderr
 * write straight to the platform console, unbuffered, and there is no
 * input. With it (CONFIG_LIBPOSIX_FDTAB), stdin, stdout and stderr are
 * fds 0, 1 and 2 (stdout line-buffered, stderr unbuffered) and fopen()
 * and friends work on any file vfscore can open; every stream is flushed
 * at exit.
 */
#ifndef _NOLIBC_STDIO_H
#define _NOLIBC_STDIO_H

#include <stddef.h>
#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

#define EOF	(-1)
#define BUFSIZ	4096

#define _IOFBF	0
#define _IOLBF	1
#define _IONBF	2

#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

typedef struct _nolibc_file FILE;
typedef long long fpos_t;

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define stdin stdin
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
/* Write out @f's buffer (every stream when @f is NULL): 0 or EOF. */
int fflush(FILE *f);

/*
 * Streams on files (with the fd table; paths need vfscore). @mode is
 * "r", "w", "a", each optionally with "+", and "b" (ignored), "x"
 * (O_EXCL) and "e" (O_CLOEXEC). NULL with errno on failure.
 */
FILE *fopen(const char *__restrict path, const char *__restrict mode);
FILE *fdopen(int fd, const char *mode);
int fclose(FILE *f);
size_t fread(void *__restrict ptr, size_t size, size_t nmemb,
	     FILE *__restrict f);
int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
int ungetc(int c, FILE *f);
char *fgets(char *__restrict s, int size, FILE *__restrict f);
int fseek(FILE *f, long off, int whence);
int fseeko(FILE *f, long long off, int whence);
long ftell(FILE *f);
long long ftello(FILE *f);
void rewind(FILE *f);
int setvbuf(FILE *__restrict f, char *__restrict buf, int mode,
	    size_t size);
void setbuf(FILE *__restrict f, char *__restrict buf);
int fileno(FILE *f);
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
int remove(const char *path);
int rename(const char *oldpath, const char *newpath);
void perror(const char *s);

#ifdef __cplusplus
}
#endif

#endif /* _NOLIBC_STDIO_H */
