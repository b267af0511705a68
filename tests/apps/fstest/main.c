/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * fstest: the file layer's test and benchmark app.
 *   fstest check DIR        every file call and its errors, poll/select/
 *                           epoll, threads; one line per check
 *   fstest replay SEED COUNT DIR   the differential test (replay.h)
 * Exit status: 0 all passed, 1 a check failed, 2 bad arguments.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "replay.h"

static int usage(void)
{
	printf("usage: fstest check DIR | replay SEED COUNT DIR\n");
	return 2;
}

int main(int argc, char *argv[])
{
	if (argc == 5 && !strcmp(argv[1], "replay")) {
		if (mkdir(argv[4], 0755) < 0 && errno != EEXIST) {
			printf("fstest: cannot create %s: errno %d\n", argv[4],
			       errno);
			return 2;
		}
		return fsreplay(strtoull(argv[2], NULL, 0),
				strtol(argv[3], NULL, 0), argv[4]);
	}
	return usage();
}
