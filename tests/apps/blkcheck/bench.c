/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * blkcheck bench: sequential read throughput of disk 0. Reads mib=N MiB
 * (default: the whole disk) from sector `start` on, wrapping around the
 * end of the disk, in uk_blkdev_sync_io() calls of `chunk` sectors (each
 * split into requests of max_sectors_per_req, the queue kept full). The
 * time is the guest's monotonic clock around the reads only; one read of
 * the first chunk before the clock starts warms the path up. Prints
 *   blkbench: bytes=B ns=T mbps=X.XX
 * with MB = 10^6 bytes. Nothing is verified: this measures the driver,
 * the device model and the host's (page-cached) file, not the data.
 */
#include <stdio.h>
#include <stdlib.h>
#include <uk/plat/time.h>
#include "blkcheck.h"

int bc_mode_bench(struct blkcheck *bc)
{
	uint64_t disk_bytes = bc->info.sectors * bc->info.ssize;
	uint64_t total = bc->mib ? bc->mib << 20 : disk_bytes;
	uint64_t sectors = total / bc->info.ssize, done = 0, s, n;
	uint64_t chunk = MIN(bc->chunk, bc->info.sectors);
	uint64_t ns, centi;
	__nsec t0, t1;
	void *buf;
	int ret;

	buf = bc_alloc(bc, chunk * bc->info.ssize);
	if (!buf)
		return bc_fail("out of memory for a %llu-sector chunk",
			       (unsigned long long)chunk);
	ret = uk_blkdev_sync_io(bc->dev, 0, UK_BLKREQ_READ, bc->start,
				MIN(chunk, bc->info.sectors - bc->start), buf);
	if (ret < 0)
		return bc_fail("warm-up read: %s", bc_errname(ret));

	s = bc->start;
	t0 = uk_plat_monotonic_ns();
	while (done < sectors) {
		if (s == bc->info.sectors)
			s = 0;
		n = MIN(MIN(chunk, sectors - done), bc->info.sectors - s);
		ret = uk_blkdev_sync_io(bc->dev, 0, UK_BLKREQ_READ, s, n, buf);
		if (ret < 0)
			return bc_fail("reading sectors %llu..%llu: %s",
				       (unsigned long long)s,
				       (unsigned long long)(s + n - 1),
				       bc_errname(ret));
		s += n;
		done += n;
	}
	t1 = uk_plat_monotonic_ns();
	free(buf);
	total = done * bc->info.ssize;
	/* MB/s with two decimals, in integers: bytes * 1e9 / ns / 1e6. */
	ns = t1 - t0 ? t1 - t0 : 1;
	centi = total * 100000ULL / ns;

	printf("blkbench: bytes=%llu ns=%llu mbps=%llu.%02llu "
	       "chunk_sectors=%llu request_sectors=%u\n",
	       (unsigned long long)total, (unsigned long long)ns,
	       (unsigned long long)(centi / 100),
	       (unsigned long long)(centi % 100), (unsigned long long)chunk,
	       bc->info.max_sectors_per_req);
	return 0;
}
