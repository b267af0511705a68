/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uktime: the clocks and sleeping, in nanoseconds. libc's time functions
 * (nolibc: time(), clock_gettime(), nanosleep()) are built on these.
 */
#ifndef UK_TIME_H
#define UK_TIME_H

#include <uk/essentials.h>

/* Nanoseconds since an arbitrary point before boot; never decreases. */
__nsec uk_time_monotonic(void);

/* Nanoseconds since the Unix epoch; 0 when the platform has no clock. */
__nsec uk_time_wall(void);

/*
 * Sleep for at least @ns nanoseconds. With uksched the calling thread
 * sleeps and the others run; without, the CPU halts until the timer.
 * Thread context only.
 */
void uk_time_sleep(__nsec ns);

#endif /* UK_TIME_H */
