/* SPDX-License-Identifier: BSD-3-Clause */
/* Private to nolibc's time/: which uktime clock a clock id reads. */
#ifndef _NOLIBC_TIME_CLOCK_H
#define _NOLIBC_TIME_CLOCK_H

#include <time.h>
#include <uk/time.h>

/* The clock's reading in *@ns; 0, or -EINVAL for an unknown clock. */
int _nolibc_clock_read(clockid_t clock, __nsec *ns);

#endif /* _NOLIBC_TIME_CLOCK_H */
