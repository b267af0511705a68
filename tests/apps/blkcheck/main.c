/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * blkcheck MODE [start=S] [count=N] [seed=X] [chunk=N] [mib=N]
 * on block device 0:
 *   check        (default) write the pattern (pattern.h) over the range,
 *                read it back and verify; then asynchronous requests with
 *                callbacks, a flush, and out-of-range requests that must
 *                be refused with -EINVAL and write nothing
 *   verify-only  read the range and verify a pattern written earlier
 *   readonly     writes must be refused with -EROFS; then verify-only
 *   bench        sequential read throughput: mib=N MiB (default: the
 *                whole disk) in chunk-sized synchronous transfers
 * start/count/chunk are in device sectors; the range defaults to the
 * whole disk, at most 64 MiB; seed defaults to 1; chunk to 8 MiB.
 * Exit status 0 on success, 1 on a failure (the message names the first
 * bad sector), 2 on bad arguments or no disk.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "blkcheck.h"

#define RANGE_LIMIT	(64ULL << 20)
#define CHUNK_DEFAULT	(8ULL << 20)

int bc_fail(const char *fmt, ...)
{
	va_list ap;

	printf("blkcheck: FAIL: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	return 1;
}

const char *bc_errname(int err)
{
	static char other[16];

	switch (err) {
	case 0: return "0";
	case -EINVAL: return "-EINVAL";
	case -EROFS: return "-EROFS";
	case -EIO: return "-EIO";
	case -EBUSY: return "-EBUSY";
	case -ENOTSUP: return "-ENOTSUP";
	case -ENOMEM: return "-ENOMEM";
	}
	snprintf(other, sizeof(other), "%d", err);
	return other;
}

void *bc_alloc(const struct blkcheck *bc, uint64_t len)
{
	void *p;
	size_t align = bc->info.ioalign < 64 ? 64 : bc->info.ioalign;

	if (posix_memalign(&p, align, len))
		return NULL;
	return p;
}

static int usage(const char *why)
{
	printf("blkcheck: %s\n", why);
	printf("usage: blkcheck [check|verify-only|readonly|bench] "
	       "[start=S] [count=N] [seed=X] [chunk=N] [mib=N]\n");
	return 2;
}

/* key=number; 1 when @arg is @key, with the value in *@v. */
static int opt(const char *arg, const char *key, uint64_t *v, int *bad)
{
	size_t n = strlen(key);
	char *end;

	if (strncmp(arg, key, n) || arg[n] != '=')
		return 0;
	*v = strtoull(arg + n + 1, &end, 0);
	if (end == arg + n + 1 || *end)
		*bad = 1;
	return 1;
}

/* Interrupt context: count, the waiting side does the rest. */
static void queue_event(struct uk_blkdev *dev __unused,
			uint16_t queue_id __unused, void *cookie)
{
	struct blkcheck *bc = cookie;

	bc->events++;
}

static int setup(struct blkcheck *bc)
{
	struct uk_blkdev_conf conf = { .nb_queues = 1 };
	struct uk_blkdev_queue_conf qconf = { .callback = queue_event,
					      .callback_cookie = bc };
	int ret;

	ret = uk_blkdev_configure(bc->dev, &conf);
	if (ret == 0)
		ret = uk_blkdev_queue_configure(bc->dev, 0, 0, &qconf);
	if (ret == 0)
		ret = uk_blkdev_start(bc->dev);
	if (ret < 0)
		return bc_fail("cannot start disk 0: %s", bc_errname(ret));
	return 0;
}

int main(int argc, char *argv[])
{
	struct blkcheck bc = { .seed = 1 };
	const char *mode = "check";
	int have_count = 0, have_chunk = 0, bad = 0, i;

	if (argc > 1 && !strchr(argv[1], '=')) {
		mode = argv[1];
		argv++;
		argc--;
	}
	for (i = 1; i < argc; i++) {
		if (opt(argv[i], "start", &bc.start, &bad))
			;
		else if (opt(argv[i], "count", &bc.count, &bad))
			have_count = 1;
		else if (opt(argv[i], "chunk", &bc.chunk, &bad))
			have_chunk = 1;
		else if (!opt(argv[i], "seed", &bc.seed, &bad) &&
			 !opt(argv[i], "mib", &bc.mib, &bad))
			return usage("unknown argument");
		if (bad)
			return usage("bad number");
	}
	if (strcmp(mode, "check") && strcmp(mode, "verify-only") &&
	    strcmp(mode, "readonly") && strcmp(mode, "bench"))
		return usage("unknown mode");

	if (uk_blkdev_count() == 0) {
		printf("blkcheck: no block device "
		       "(give one: make run DISK=file)\n");
		return 2;
	}
	bc.dev = uk_blkdev_get(0);
	uk_blkdev_info_get(bc.dev, &bc.info);
	printf("blkcheck: disk 0 (%s): %llu sectors of %u bytes (%llu KiB), "
	       "%u sectors per request, %s%s\n",
	       uk_blkdev_drv_name(bc.dev),
	       (unsigned long long)bc.info.sectors, bc.info.ssize,
	       (unsigned long long)(bc.info.sectors * bc.info.ssize >> 10),
	       bc.info.max_sectors_per_req,
	       (bc.info.flags & UK_BLKDEV_F_READONLY) ? "read-only" :
							"read-write",
	       (bc.info.flags & UK_BLKDEV_F_FLUSH) ? ", write cache" : "");

	if (bc.start >= bc.info.sectors)
		return usage("start is past the end of the disk");
	if (!have_count)
		bc.count = MIN(bc.info.sectors - bc.start,
			       RANGE_LIMIT / bc.info.ssize);
	if (bc.count == 0 || bc.count > bc.info.sectors - bc.start)
		return usage("count is 0 or runs past the end of the disk");
	if (!have_chunk)
		bc.chunk = CHUNK_DEFAULT / bc.info.ssize;
	if (bc.chunk == 0)
		return usage("chunk must be at least one sector");

	if (setup(&bc))
		return 1;
	if (!strcmp(mode, "check"))
		return bc_mode_check(&bc);
	if (!strcmp(mode, "readonly"))
		return bc_mode_readonly(&bc);
	if (!strcmp(mode, "bench"))
		return bc_mode_bench(&bc);
	printf("blkcheck: verifying sectors %llu..%llu, seed %llu\n",
	       (unsigned long long)bc.start,
	       (unsigned long long)(bc.start + bc.count - 1),
	       (unsigned long long)bc.seed);
	if (bc_verify(&bc))
		return 1;
	printf("blkcheck: OK\n");
	return 0;
}
