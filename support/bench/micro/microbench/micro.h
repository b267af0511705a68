/* SPDX-License-Identifier: BSD-3-Clause */
/* The two halves of microbench; each returns 0 or 1 on a failure. */
#ifndef MICROBENCH_MICRO_H
#define MICROBENCH_MICRO_H

#include <stdio.h>
#include <uk/time.h>

int bench_alloc(void);
int bench_threads(void);

static inline void bench_print(const char *what, const char *impl,
			       unsigned long size, __nsec ns, unsigned long ops)
{
	unsigned long long hundredths = (unsigned long long)ns * 100 / ops;

	printf("bench what=%s impl=%s size=%lu ns=%llu.%02llu\n", what, impl,
	       size, hundredths / 100, hundredths % 100);
}

#endif /* MICROBENCH_MICRO_H */
