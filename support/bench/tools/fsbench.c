// SPDX-License-Identifier: BSD-3-Clause
/*
 * fsbench DIR [MIB] [SECS]: the file-system workload of tests/apps/
 * fs9pcheck's bench mode, for the Linux reference guest (built static
 * with the host gcc, run as its /init's child on a 9p mount or tmpfs):
 * write then read DIR/bench.dat sequentially, MIB MiB (default 32) in
 * 4 KiB calls, then in 1 MiB calls; then create+stat+unlink cycles for
 * SECS seconds (default 3). The same lines as fs9pcheck, so that
 * support/bench/kbench/fs9p.py parses both:
 *   fs9pbench: NAME VALUE UNIT
 * Reads after writes go to the server: a 9p mount without a cache mode
 * (the default, cache=none) keeps no page cache; on tmpfs the page cache
 * is the file system.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MIB (1024 * 1024)

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void report(const char *name, uint64_t bytes, uint64_t ns)
{
	uint64_t centi = ns ? bytes * 100 * 1000000000ull / MIB / ns : 0;

	printf("fs9pbench: %s %llu.%02llu MiB/s\n", name,
	       (unsigned long long)(centi / 100),
	       (unsigned long long)(centi % 100));
}

static int seq(const char *path, const char *name, int wr, size_t chunk,
	       size_t total, char *buf)
{
	uint64_t t0, t1;
	size_t done;
	int fd;

	fd = open(path, wr ? O_CREAT | O_TRUNC | O_WRONLY : O_RDONLY, 0644);
	if (fd < 0) {
		perror(path);
		return 1;
	}
	t0 = now_ns();
	for (done = 0; done < total; done += chunk) {
		if ((wr ? write(fd, buf, chunk) : read(fd, buf, chunk)) !=
		    (ssize_t)chunk) {
			perror(name);
			close(fd);
			return 1;
		}
	}
	t1 = now_ns();
	close(fd);
	report(name, total, t1 - t0);
	return 0;
}

static int meta(const char *dir, unsigned long secs)
{
	uint64_t t0 = now_ns(), t, end = t0 + secs * 1000000000ull;
	unsigned long n = 0;
	char path[4096];
	struct stat st;
	int fd;

	do {
		snprintf(path, sizeof(path), "%s/bench.m%lu", dir, n);
		fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0644);
		if (fd < 0 || close(fd) < 0 || stat(path, &st) < 0 ||
		    unlink(path) < 0) {
			perror(path);
			return 1;
		}
		n++;
		t = now_ns();
	} while (t < end);
	printf("fs9pbench: create_stat_unlink %llu ops/s\n",
	       (unsigned long long)(n * 1000000000ull / (t - t0)));
	return 0;
}

int main(int argc, char *argv[])
{
	size_t total = (argc > 2 ? strtoul(argv[2], NULL, 10) : 32) * MIB;
	unsigned long secs = argc > 3 ? strtoul(argv[3], NULL, 10) : 3;
	char path[4096], *buf = malloc(MIB);
	int rc = 0;

	if (argc < 2 || !buf || !total || !secs) {
		fprintf(stderr, "usage: fsbench DIR [MIB] [SECS]\n");
		return 2;
	}
	memset(buf, 0x5a, MIB);
	snprintf(path, sizeof(path), "%s/bench.dat", argv[1]);
	rc |= seq(path, "write_4k", 1, 4096, total, buf);
	rc |= seq(path, "read_4k", 0, 4096, total, buf);
	rc |= seq(path, "write_1m", 1, MIB, total, buf);
	rc |= seq(path, "read_1m", 0, MIB, total, buf);
	rc |= meta(argv[1], secs);
	unlink(path);
	return rc;
}
