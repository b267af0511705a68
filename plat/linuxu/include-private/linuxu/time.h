/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Linux time ABI used by the platform: clock ids, timespec and
 * itimerspec (64-bit fields on x86_64), and the kernel's struct sigevent
 * for timer_create() (include/uapi/asm-generic/siginfo.h, 64 bytes).
 */
#ifndef LINUXU_TIME_H
#define LINUXU_TIME_H

#include <uk/essentials.h>

#define K_CLOCK_REALTIME	0
#define K_CLOCK_MONOTONIC	1

/* timer_settime() @flags: the value is an absolute time on the clock. */
#define K_TIMER_ABSTIME		1

/* sigev_notify: deliver sigev_signo to the process. */
#define K_SIGEV_SIGNAL		0

struct k_timespec {
	long tv_sec;
	long tv_nsec;
};

struct k_itimerspec {
	struct k_timespec it_interval;
	struct k_timespec it_value;
};

struct k_sigevent {
	union {
		int sival_int;
		void *sival_ptr;
	} sigev_value;
	int sigev_signo;
	int sigev_notify;
	union {
		int tid;
		int pad[(64 - 16) / sizeof(int)];
	} sigev_un;
};

_Static_assert(sizeof(struct k_sigevent) == 64, "kernel sigevent");
_Static_assert(sizeof(struct k_itimerspec) == 32, "itimerspec");

#endif /* LINUXU_TIME_H */
