/* SPDX-License-Identifier: BSD-3-Clause */
/* struct timeval and gettimeofday(). */
#ifndef _NOLIBC_SYS_TIME_H
#define _NOLIBC_SYS_TIME_H

#include <sys/types.h>
#include <sys/select.h>

#ifdef __cplusplus
extern "C" {
#endif

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

int gettimeofday(struct timeval *__restrict tv, void *__restrict tz);

#ifdef __cplusplus
}
#endif

#endif /* _NOLIBC_SYS_TIME_H */
