/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * microbench: nanoseconds per malloc/free for every allocator backend in
 * the image, and per thread switch and thread creation, printed as one
 * line per figure (bench.h). support/bench/micro/run builds it, runs it
 * beside the host program (glibc malloc, pthreads) and prints the table.
 *
 * Usage: microbench [alloc|threads]   (default: both)
 */
#include <stdio.h>
#include <string.h>
#include "micro.h"

int main(int argc, char *argv[])
{
	const char *only = argc > 1 ? argv[1] : NULL;

	if (only && strcmp(only, "alloc") && strcmp(only, "threads")) {
		fprintf(stderr, "usage: %s [alloc|threads]\n", argv[0]);
		return 2;
	}
	if ((!only || !strcmp(only, "alloc")) && bench_alloc())
		return 1;
	if ((!only || !strcmp(only, "threads")) && bench_threads())
		return 1;
	return 0;
}
