/* SPDX-License-Identifier: BSD-3-Clause */
/* Case-insensitive comparison, ASCII only (C locale). */
#ifndef _NOLIBC_STRINGS_H
#define _NOLIBC_STRINGS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);

#ifdef __cplusplus
}
#endif

#endif /* _NOLIBC_STRINGS_H */
