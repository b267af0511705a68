/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * fstest's file-system benchmark (make bench BENCH=fs): the same code
 * runs in the image (fstest bench) and, built for Linux, in the Linux
 * reference guest on tmpfs (host.c), so both measure the same calls.
 */
#ifndef FSTEST_BENCH_H
#define FSTEST_BENCH_H

/*
 * In the existing folder @dir, @reps times each: write a file of @mib
 * MiB sequentially in 4 KiB writes, read it back in 4 KiB reads, the
 * same with 1 MiB calls, and @nmeta rounds of create + stat + unlink of
 * a new file. Prints one line per measurement:
 *   fsbench: <write4k|read4k|write1m|read1m|meta> rep=R bytes=B ops=N ns=T
 * @return 0, or 1 when a call failed (named on a "fsbench: error" line).
 */
int fsbench(const char *dir, long mib, long nmeta, int reps);

#endif /* FSTEST_BENCH_H */
