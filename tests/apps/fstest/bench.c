/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The file-system benchmark (bench.h). Times come from CLOCK_MONOTONIC
 * around the calls only; the data buffer is filled once beforehand. The
 * written file is removed after it has been read, so that each write
 * round allocates its data afresh, as a program writing a new file does.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "bench.h"

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int fail(const char *what)
{
	printf("fsbench: error: %s: errno %d (%s)\n", what, errno,
	       strerror(errno));
	return 1;
}

static void report(const char *name, int rep, long long bytes, long ops,
		   long long ns)
{
	printf("fsbench: %s rep=%d bytes=%lld ops=%ld ns=%lld\n", name, rep,
	       bytes, ops, ns);
}

/* Write then read @total bytes of "data" in @chunk-byte calls. */
static int seq(const char *name_w, const char *name_r, char *buf,
	       size_t chunk, long long total, int rep)
{
	long long t0, t1, done;
	ssize_t n;
	int fd;

	t0 = now_ns();
	fd = open("data", O_CREAT | O_TRUNC | O_WRONLY, 0644);
	if (fd < 0)
		return fail("open for writing");
	for (done = 0; done < total; done += n) {
		n = write(fd, buf, chunk);
		if (n != (ssize_t)chunk)
			return fail("write");
	}
	if (close(fd) < 0)
		return fail("close");
	t1 = now_ns();
	report(name_w, rep, total, (long)(total / chunk), t1 - t0);

	t0 = now_ns();
	fd = open("data", O_RDONLY);
	if (fd < 0)
		return fail("open for reading");
	for (done = 0; (n = read(fd, buf, chunk)) > 0; done += n)
		;
	if (n < 0 || done != total)
		return fail("read");
	close(fd);
	t1 = now_ns();
	report(name_r, rep, total, (long)(total / chunk), t1 - t0);
	return unlink("data") < 0 ? fail("unlink") : 0;
}

/* @n rounds of: create a new file, stat it, remove it. */
static int meta(long n, int rep)
{
	long long t0, t1;
	struct stat st;
	char name[32];
	long i;
	int fd;

	t0 = now_ns();
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "m%ld", i);
		fd = open(name, O_CREAT | O_EXCL | O_WRONLY, 0644);
		if (fd < 0)
			return fail("create");
		close(fd);
		if (stat(name, &st) < 0)
			return fail("stat");
		if (unlink(name) < 0)
			return fail("unlink");
	}
	t1 = now_ns();
	report("meta", rep, 0, n, t1 - t0);
	return 0;
}

int fsbench(const char *dir, long mib, long nmeta, int reps)
{
	size_t big = 1 << 20;
	char *buf;
	int rep, rc = 0;

	if (chdir(dir) < 0)
		return fail(dir);
	buf = malloc(big);
	if (!buf)
		return fail("malloc");
	memset(buf, 0x5a, big);
	printf("fsbench: dir=%s mib=%ld meta=%ld reps=%d\n", dir, mib, nmeta,
	       reps);
	for (rep = 1; rep <= reps && !rc; rep++) {
		rc = seq("write4k", "read4k", buf, 4096, mib << 20, rep);
		if (!rc)
			rc = seq("write1m", "read1m", buf, big, mib << 20,
				 rep);
		if (!rc)
			rc = meta(nmeta, rep);
	}
	free(buf);
	printf("fsbench: %s\n", rc ? "failed" : "done");
	return rc;
}
