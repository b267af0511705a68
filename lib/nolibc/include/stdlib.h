/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * General utilities. The malloc family is there when the image has an
 * allocator (CONFIG_LIBUKALLOC): it uses ukalloc's default heap.
 */
#ifndef _NOLIBC_STDLIB_H
#define _NOLIBC_STDLIB_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define EXIT_SUCCESS	0
#define EXIT_FAILURE	1

int abs(int x);
long labs(long x);
long long llabs(long long x);

/* No error detection: use strtol() when the input may be bad. */
int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);

/*
 * Convert the start of @s, after white space and an optional sign, in @base
 * (2..36, or 0 to follow a "0x" or "0" prefix; 16 also accepts "0x").
 * @endptr, if not NULL, gets the first character not used, or @s when no
 * digit was found. On overflow the result saturates (LONG_MAX, LONG_MIN,
 * ULONG_MAX, ...) and errno is ERANGE; a bad @base sets errno to EINVAL and
 * returns 0. The unsigned ones negate a value with a '-' sign, as in C.
 */
long strtol(const char *__restrict s, char **__restrict endptr, int base);
unsigned long strtoul(const char *__restrict s, char **__restrict endptr,
		      int base);
long long strtoll(const char *__restrict s, char **__restrict endptr,
		  int base);
unsigned long long strtoull(const char *__restrict s,
			    char **__restrict endptr, int base);

/* Heapsort: O(n log n) at worst, no recursion and no allocation; unstable. */
void qsort(void *base, size_t nmemb, size_t size,
	   int (*compar)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
	      int (*compar)(const void *, const void *));

/*
 * Memory from the default heap, aligned to 16 bytes. On failure these
 * return NULL and set errno to ENOMEM; posix_memalign() returns EINVAL or
 * ENOMEM instead. malloc(0) returns a unique pointer; realloc(p, 0) frees
 * @p and returns NULL.
 */
void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);
int posix_memalign(void **memptr, size_t align, size_t size);
void *aligned_alloc(size_t align, size_t size);

/* Run the shutdown hooks and halt the image with @status. */
void exit(int status) __attribute__((__noreturn__));
/* Print "abort() called" and crash the image, without shutdown hooks. */
void abort(void) __attribute__((__noreturn__));

#ifdef __cplusplus
}
#endif

#endif /* _NOLIBC_STDLIB_H */
