/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the Kiln benchmark (microbench/) and its host twin (host.c) share:
 * the workload parameters and the result line format, so that the run
 * script can put both in one table.
 *
 *	bench what=<kind> impl=<allocator or threads> size=<bytes> ns=<ns/op>
 */
#ifndef MICROBENCH_BENCH_H
#define MICROBENCH_BENCH_H

/* Object sizes, 16 B to 64 KiB. */
static const unsigned long bench_sizes[] = {
	16, 64, 256, 1024, 4096, 16384, 65536,
};
#define BENCH_NSIZES (sizeof(bench_sizes) / sizeof(bench_sizes[0]))

/* malloc+free pairs per size, and batches of BENCH_BATCH objects. */
#define BENCH_PAIRS	1000000UL
#define BENCH_BATCH	256UL
#define BENCH_ROUNDS	2000UL

/* Thread switches (each of the two threads yields this often). */
#define BENCH_SWITCHES	1000000UL
/* Threads created and joined, one at a time. */
#define BENCH_CREATES	20000UL
/* Stack of the created threads, equal on both sides. */
#define BENCH_STACK	(64 * 1024UL)

#endif /* MICROBENCH_BENCH_H */
