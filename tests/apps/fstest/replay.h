/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * fstest's randomized differential test: a sequence of file operations
 * drawn from a seed, run on a directory, each result printed as one line.
 * The same code is built into the image and for the host's Linux
 * (tests/apps/fstest/host.c), so the two outputs must be identical line
 * for line; tests/apps/fstest/fsdiff compares them and names the first
 * differing step. Only portable POSIX calls are used.
 */
#ifndef FSTEST_REPLAY_H
#define FSTEST_REPLAY_H

#include <stdint.h>

/*
 * Run @count operations drawn from @seed in a new folder @dir/w (the
 * working directory is changed to it), then print the whole tree under
 * @dir. Lines start with "R ". @return 0, or 1 when @dir could
 * not be used.
 */
int fsreplay(uint64_t seed, long count, const char *dir);

#endif /* FSTEST_REPLAY_H */
