/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The 9pfs benchmark: sequential write then read of mib=N MiB (default
 * 32) in 4 KiB and in 1 MiB calls, and create+stat+unlink cycles for
 * secs=S seconds (default 3), on /host/bench.*. One line per figure,
 * `fs9pbench: NAME VALUE UNIT`, which support/bench/fs9p parses.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include <uk/plat/time.h>
#include "fs9pcheck.h"

#define MIB (1024 * 1024)

static unsigned long arg(int argc, char *argv[], const char *name,
			 unsigned long def)
{
	size_t l = strlen(name);
	int i;

	for (i = 0; i < argc; i++)
		if (!strncmp(argv[i], name, l) && argv[i][l] == '=')
			return strtoul(argv[i] + l + 1, NULL, 10);
	return def;
}

/* Bytes per second as "MiB/s" with two decimals. */
static void report(const char *name, uint64_t bytes, __nsec ns)
{
	uint64_t centi = ns ? bytes * 100 * UK_NSEC_PER_SEC / MIB / ns : 0;

	printf("fs9pbench: %s %llu.%02llu MiB/s\n", name,
	       (unsigned long long)(centi / 100),
	       (unsigned long long)(centi % 100));
}

static int seq(const char *name, int write, size_t chunk, size_t total,
	       uint8_t *buf)
{
	__nsec t0, t1;
	size_t done;
	long fd, rc;

	fd = uk_sys_open(HOST "/bench.dat",
			 write ? O_CREAT | O_TRUNC | O_WRONLY : O_RDONLY, 0644);
	if (fd < 0)
		return fc_expect("open bench.dat", fd, 0);
	t0 = uk_plat_monotonic_ns();
	for (done = 0; done < total; done += chunk) {
		rc = write ? uk_sys_write((int)fd, buf, chunk) :
			     uk_sys_read((int)fd, buf, chunk);
		if (rc != (long)chunk) {
			uk_sys_close((int)fd);
			return fc_expect(name, rc, (long)chunk);
		}
	}
	t1 = uk_plat_monotonic_ns();
	uk_sys_close((int)fd);
	report(name, total, t1 - t0);
	return 0;
}

static int meta(unsigned long secs)
{
	__nsec t0, now, end;
	unsigned long n = 0;
	struct stat st;
	char path[64];
	long fd;

	t0 = uk_plat_monotonic_ns();
	end = t0 + secs * UK_NSEC_PER_SEC;
	do {
		snprintf(path, sizeof(path), HOST "/bench.m%lu", n);
		fd = uk_sys_open(path, O_CREAT | O_EXCL | O_WRONLY, 0644);
		if (fd < 0)
			return fc_expect("meta create", fd, 0);
		uk_sys_close((int)fd);
		if (uk_sys_newfstatat(AT_FDCWD, path, &st, 0) < 0 ||
		    uk_sys_unlinkat(AT_FDCWD, path, 0) < 0)
			return fc_expect("meta stat+unlink", -EIO, 0);
		n++;
		now = uk_plat_monotonic_ns();
	} while (now < end);
	printf("fs9pbench: create_stat_unlink %llu ops/s\n",
	       (unsigned long long)(n * UK_NSEC_PER_SEC / (now - t0)));
	return 0;
}

int fc_bench(int argc, char *argv[])
{
	size_t total = arg(argc, argv, "mib", 32) * MIB;
	unsigned long secs = arg(argc, argv, "secs", 3);
	uint8_t *buf = malloc(MIB);
	int rc = 0;

	if (!buf || !total || !secs) {
		printf("fs9pcheck: bench [mib=N>0] [secs=S>0]\n");
		free(buf);
		return 2;
	}
	memset(buf, 0x5a, MIB);
	rc |= seq("write_4k", 1, 4096, total, buf);
	rc |= seq("read_4k", 0, 4096, total, buf);
	rc |= seq("write_1m", 1, MIB, total, buf);
	rc |= seq("read_1m", 0, MIB, total, buf);
	rc |= meta(secs);
	uk_sys_unlinkat(AT_FDCWD, HOST "/bench.dat", 0);
	free(buf);
	return rc ? 1 : 0;
}
