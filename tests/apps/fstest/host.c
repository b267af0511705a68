/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * fstest's replay and bench modes built for Linux: the differential
 * test's host side (tests/apps/fstest/fsdiff) and the file-system bench
 * in the Linux reference guest (support/bench/kbench/fs.py).
 * Usage: fstest-host SEED COUNT DIR | fstest-host bench DIR MIB NMETA REPS
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench.h"
#include "replay.h"

int main(int argc, char **argv)
{
	if (argc == 6 && !strcmp(argv[1], "bench")) {
		setvbuf(stdout, NULL, _IOLBF, 0);
		return fsbench(argv[2], strtol(argv[3], NULL, 0),
			       strtol(argv[4], NULL, 0), atoi(argv[5]));
	}
	if (argc != 4) {
		fprintf(stderr,
			"usage: %s SEED COUNT DIR | bench DIR MIB NMETA REPS\n",
			argv[0]);
		return 2;
	}
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	return fsreplay(strtoull(argv[1], NULL, 0), strtol(argv[2], NULL, 0),
			argv[3]);
}
