/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Compiler attributes and small helpers every Kiln library may use.
 * Header-only, no dependencies beyond the compiler's freestanding headers.
 */
#ifndef UK_ESSENTIALS_H
#define UK_ESSENTIALS_H

#include <stddef.h>
#include <stdint.h>

#define __noreturn	__attribute__((noreturn))
#define __unused	__attribute__((unused))
#define __used		__attribute__((used))
#define __weak		__attribute__((weak))
#define __packed	__attribute__((packed))
#define __aligned(x)	__attribute__((aligned(x)))
#define __section(s)	__attribute__((section(s)))
#define __printf(f, a)	__attribute__((format(printf, f, a)))
#define __maybe_unused	__attribute__((unused))

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* @a must be a power of two. */
#define ALIGN_UP(v, a)	 (((v) + (a) - 1) & ~((__typeof__(v))(a) - 1))
#define ALIGN_DOWN(v, a) ((v) & ~((__typeof__(v))(a) - 1))

#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

/* Nanoseconds; monotonic time and durations are both kept in this type. */
typedef uint64_t __nsec;

#define UK_NSEC_PER_SEC 1000000000ULL
#define UK_NSEC_PER_MSEC 1000000ULL
#define UK_NSEC_PER_USEC 1000ULL

#endif /* UK_ESSENTIALS_H */
