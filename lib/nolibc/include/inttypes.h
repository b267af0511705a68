/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * printf format macros for the <stdint.h> types. The length modifier follows
 * the type gcc picks for each: int64_t and intmax_t are long on LP64 and
 * long long on ILP32, the fast types are long on LP64 Linux. The nolibc
 * tests check every macro against its type with -Wformat.
 */
#ifndef _NOLIBC_INTTYPES_H
#define _NOLIBC_INTTYPES_H

#include <stdint.h>

#if __SIZEOF_LONG__ == 8
#define __PRI64		"l"
#define __PRIFAST	"l"
#else
#define __PRI64		"ll"
#define __PRIFAST	""
#endif

#if __SIZEOF_POINTER__ == __SIZEOF_LONG__
#define __PRIPTR	"l"
#else
#define __PRIPTR	""
#endif

#define PRId8		"d"
#define PRId16		"d"
#define PRId32		"d"
#define PRId64		__PRI64 "d"
#define PRIi8		"i"
#define PRIi16		"i"
#define PRIi32		"i"
#define PRIi64		__PRI64 "i"
#define PRIu8		"u"
#define PRIu16		"u"
#define PRIu32		"u"
#define PRIu64		__PRI64 "u"
#define PRIo8		"o"
#define PRIo16		"o"
#define PRIo32		"o"
#define PRIo64		__PRI64 "o"
#define PRIx8		"x"
#define PRIx16		"x"
#define PRIx32		"x"
#define PRIx64		__PRI64 "x"
#define PRIX8		"X"
#define PRIX16		"X"
#define PRIX32		"X"
#define PRIX64		__PRI64 "X"

#define PRIdLEAST8	PRId8
#define PRIdLEAST16	PRId16
#define PRIdLEAST32	PRId32
#define PRIdLEAST64	PRId64
#define PRIuLEAST8	PRIu8
#define PRIuLEAST16	PRIu16
#define PRIuLEAST32	PRIu32
#define PRIuLEAST64	PRIu64
#define PRIxLEAST8	PRIx8
#define PRIxLEAST16	PRIx16
#define PRIxLEAST32	PRIx32
#define PRIxLEAST64	PRIx64

#define PRIdFAST8	"d"
#define PRIdFAST16	__PRIFAST "d"
#define PRIdFAST32	__PRIFAST "d"
#define PRIdFAST64	PRId64
#define PRIuFAST8	"u"
#define PRIuFAST16	__PRIFAST "u"
#define PRIuFAST32	__PRIFAST "u"
#define PRIuFAST64	PRIu64
#define PRIxFAST8	"x"
#define PRIxFAST16	__PRIFAST "x"
#define PRIxFAST32	__PRIFAST "x"
#define PRIxFAST64	PRIx64

#define PRIdMAX		__PRI64 "d"
#define PRIiMAX		__PRI64 "i"
#define PRIuMAX		__PRI64 "u"
#define PRIoMAX		__PRI64 "o"
#define PRIxMAX		__PRI64 "x"
#define PRIXMAX		__PRI64 "X"

#define PRIdPTR		__PRIPTR "d"
#define PRIiPTR		__PRIPTR "i"
#define PRIuPTR		__PRIPTR "u"
#define PRIoPTR		__PRIPTR "o"
#define PRIxPTR		__PRIPTR "x"
#define PRIXPTR		__PRIPTR "X"

#endif /* _NOLIBC_INTTYPES_H */
