/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The differential test's host side: the same replay code as the image's,
 * built for Linux (by tests/apps/fstest/fsdiff).
 * Usage: fsreplay-host SEED COUNT DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include "replay.h"

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: %s SEED COUNT DIR\n", argv[0]);
		return 2;
	}
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	return fsreplay(strtoull(argv[1], NULL, 0), strtol(argv[2], NULL, 0),
			argv[3]);
}
