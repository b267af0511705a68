/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Time. The functions are there when the image has uktime
 * (CONFIG_LIBUKTIME); the types always are.
 */
#ifndef _NOLIBC_TIME_H
#define _NOLIBC_TIME_H

#include <stddef.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

/* Linux's clock ids; the coarse and boot-time clocks read the same. */
#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		1
#define CLOCK_MONOTONIC_RAW	4
#define CLOCK_REALTIME_COARSE	5
#define CLOCK_MONOTONIC_COARSE	6
#define CLOCK_BOOTTIME		7

/* Seconds since the epoch, also stored in *@t when @t is not NULL. */
time_t time(time_t *t);

/* 0, or -1 with errno EINVAL for an unknown clock. */
int clock_gettime(clockid_t clock, struct timespec *ts);
int clock_getres(clockid_t clock, struct timespec *res);

/*
 * Sleep for *@req; returns 0 (Kiln has no signals to interrupt it, so
 * @rem is never written), or -1 with errno EINVAL for a bad *@req.
 */
int nanosleep(const struct timespec *req, struct timespec *rem);

#ifdef __cplusplus
}
#endif

#endif /* _NOLIBC_TIME_H */
