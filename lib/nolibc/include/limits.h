/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Implementation limits. Our own instead of gcc's, whose limits.h chains to
 * the host libc's with #include_next and breaks under -nostdinc. Values come
 * from the compiler's predefined macros, so they follow the target ABI.
 */
#ifndef _NOLIBC_LIMITS_H
#define _NOLIBC_LIMITS_H

#define CHAR_BIT	__CHAR_BIT__

#define SCHAR_MAX	__SCHAR_MAX__
#define SCHAR_MIN	(-SCHAR_MAX - 1)
#define UCHAR_MAX	(SCHAR_MAX * 2 + 1)

#ifdef __CHAR_UNSIGNED__
#define CHAR_MIN	0
#define CHAR_MAX	UCHAR_MAX
#else
#define CHAR_MIN	SCHAR_MIN
#define CHAR_MAX	SCHAR_MAX
#endif

#define SHRT_MAX	__SHRT_MAX__
#define SHRT_MIN	(-SHRT_MAX - 1)
#define USHRT_MAX	(SHRT_MAX * 2 + 1)

#define INT_MAX		__INT_MAX__
#define INT_MIN		(-INT_MAX - 1)
#define UINT_MAX	(INT_MAX * 2U + 1U)

#define LONG_MAX	__LONG_MAX__
#define LONG_MIN	(-LONG_MAX - 1L)
#define ULONG_MAX	(LONG_MAX * 2UL + 1UL)

#define LLONG_MAX	__LONG_LONG_MAX__
#define LLONG_MIN	(-LLONG_MAX - 1LL)
#define ULLONG_MAX	(LLONG_MAX * 2ULL + 1ULL)

#define LONG_BIT	(__SIZEOF_LONG__ * CHAR_BIT)
#define WORD_BIT	(__SIZEOF_INT__ * CHAR_BIT)

/* ssize_t is ptrdiff_t's type on every Linux ABI (see sys/types.h). */
#define SSIZE_MAX	__PTRDIFF_MAX__
#ifndef SIZE_MAX
#define SIZE_MAX	__SIZE_MAX__
#endif

/* No multibyte locales yet; 4 leaves room for UTF-8. */
#define MB_LEN_MAX	4

/* POSIX limits, with Linux's values. */
#define PATH_MAX	4096
#define NAME_MAX	255
#define PIPE_BUF	4096
#define IOV_MAX		1024
#define LINE_MAX	2048
#define NZERO		20

#endif /* _NOLIBC_LIMITS_H */
