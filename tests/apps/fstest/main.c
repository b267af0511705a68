/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * fstest: the file layer's test app (tests/cases/75-fs.sh).
 *   fstest check DIR        every file call and its errors, ENOSPC on a
 *                           small ramfs, poll/select/epoll, threads;
 *                           buffered FILE streams; one
 *                           "fstest: PASS|FAIL <name>" line each
 *   fstest replay SEED COUNT DIR   the differential test (replay.h)
 *   fstest bench DIR MIB NMETA REPS   the file-system bench (bench.h)
 * DIR is created if missing, so the same image tests whatever file
 * system is mounted there (ramfs, 9pfs, a host folder).
 * Exit status: 0 all passed, 1 a check failed, 2 bad arguments.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bench.h"
#include "check.h"
#include "replay.h"

static const struct {
	const char *name;
	void (*run)(const char *dir);
} groups[] = {
	{ "files", fst_check_files },
	{ "dirs", fst_check_dirs },
	{ "errors", fst_check_errors },
	{ "nospace", fst_check_nospace },
	{ "poll", fst_check_poll },
	{ "threads", fst_check_threads },
	{ "regress", fst_check_regressions },
	{ "stdio", fst_check_stdio },
};

static int usage(void)
{
	printf("usage: fstest check DIR [GROUP...]\n"
	       "       fstest replay SEED COUNT DIR\n"
	       "       fstest bench DIR MIB NMETA REPS\n");
	return 2;
}

/* mkdir -p @dir. */
static int make_dir(const char *dir)
{
	char path[512];
	size_t i, len = strlen(dir);

	if (len >= sizeof(path)) {
		printf("fstest: %s: path too long\n", dir);
		return -1;
	}
	memcpy(path, dir, len + 1);
	for (i = 1; i < len; i++) {
		if (path[i] != '/')
			continue;
		path[i] = 0;
		if (mkdir(path, 0755) < 0 && errno != EEXIST) {
			printf("fstest: cannot create %s: %s\n", path,
			       strerror(errno));
			return -1;
		}
		path[i] = '/';
	}
	if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
		printf("fstest: cannot create %s: %s\n", dir,
		       strerror(errno));
		return -1;
	}
	return 0;
}

static int check(const char *dir, int ngroups, char **only)
{
	char sub[512];
	size_t g;
	int i, run;

	if (make_dir(dir) < 0)
		return 2;
	umask(022);
	for (g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
		run = !ngroups;
		for (i = 0; i < ngroups; i++)
			run |= !strcmp(only[i], groups[g].name);
		if (!run)
			continue;
		/* Each group in a fresh folder of its own. */
		snprintf(sub, sizeof(sub), "%s/%s", dir, groups[g].name);
		if (make_dir(sub) < 0)
			return 2;
		groups[g].run(sub);
	}
	printf("fstest: %d failed\n", fst_failures);
	return fst_failures ? 1 : 0;
}

int main(int argc, char *argv[])
{
	if (argc >= 3 && !strcmp(argv[1], "check"))
		return check(argv[2], argc - 3, argv + 3);
	if (argc == 5 && !strcmp(argv[1], "replay")) {
		if (make_dir(argv[4]) < 0)
			return 2;
		return fsreplay(strtoull(argv[2], NULL, 0),
				strtol(argv[3], NULL, 0), argv[4]);
	}
	if (argc == 6 && !strcmp(argv[1], "bench")) {
		if (make_dir(argv[2]) < 0)
			return 2;
		return fsbench(argv[2], strtol(argv[3], NULL, 0),
			       strtol(argv[4], NULL, 0), atoi(argv[5]));
	}
	return usage();
}
