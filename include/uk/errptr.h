/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A pointer that carries either an object or a negative errno: the top
 * 4095 addresses are never valid objects, so -errno cast to a pointer is
 * told apart from a real one. For functions whose pointer result can fail
 * in more ways than "no memory".
 */
#ifndef UK_ERRPTR_H
#define UK_ERRPTR_H

#include <stdint.h>

#define UK_ERRPTR_MAX 4095

static inline void *ERR2PTR(long err)
{
	return (void *)(intptr_t)err;
}

static inline long PTR2ERR(const void *p)
{
	return (long)(intptr_t)p;
}

static inline int PTRISERR(const void *p)
{
	return (uintptr_t)p >= (uintptr_t)-UK_ERRPTR_MAX;
}

#endif /* UK_ERRPTR_H */
