/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * blkcheck's check, verify-only and readonly modes (see main.c). Every
 * step prints one "blkcheck: ..." line that the blk tests look
 * for; the first failure ends the run with exit status 1.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uk/plat/time.h>
#include "blkcheck.h"
#include "pattern.h"

#define ASYNC_REQS	8
#define PROBE_MAX	1024

static int io(struct blkcheck *bc, enum uk_blkreq_op op, uint64_t s,
	      uint64_t n, void *buf)
{
	return uk_blkdev_sync_io(bc->dev, 0, op, s, n, buf);
}

/* Check @n sectors from @s held in @buf; 0 or 1 naming the bad sector. */
static int check_buf(struct blkcheck *bc, const void *buf, uint64_t s,
		     uint64_t n)
{
	unsigned int byte = 0;
	int64_t k;

	k = pattern_check(buf, s * bc_ups(bc), n * bc_ups(bc), bc->seed,
			  &byte);
	if (k < 0)
		return 0;
	return bc_fail("sector %llu does not hold the pattern (seed %llu; "
		       "first bad byte %u of its 512-byte unit %llu)",
		       (unsigned long long)(s + (uint64_t)k / bc_ups(bc)),
		       (unsigned long long)bc->seed, byte,
		       (unsigned long long)(s * bc_ups(bc) + (uint64_t)k));
}

/* Read @n sectors from @s into a fresh buffer and check them. */
static int verify_sectors(struct blkcheck *bc, uint64_t s, uint64_t n)
{
	uint64_t len = n * bc->info.ssize;
	void *buf = bc_alloc(bc, len);
	int ret;

	if (!buf)
		return bc_fail("out of memory for %llu bytes",
			       (unsigned long long)len);
	memset(buf, 0xee, len);
	ret = io(bc, UK_BLKREQ_READ, s, n, buf);
	if (ret < 0)
		ret = bc_fail("reading sectors %llu..%llu: %s",
			      (unsigned long long)s,
			      (unsigned long long)(s + n - 1),
			      bc_errname(ret));
	else
		ret = check_buf(bc, buf, s, n);
	free(buf);
	return ret;
}

int bc_verify(struct blkcheck *bc)
{
	uint64_t s, n, end = bc->start + bc->count;
	int ret;

	for (s = bc->start; s < end; s += n) {
		n = MIN(bc->chunk, end - s);
		ret = verify_sectors(bc, s, n);
		if (ret)
			return ret;
	}
	printf("blkcheck: verified sectors %llu..%llu\n",
	       (unsigned long long)bc->start, (unsigned long long)(end - 1));
	return 0;
}

/*
 * How many requests the queue takes before -EBUSY (one-sector reads),
 * up to PROBE_MAX. Returns the depth, 0 on failure (reported).
 */
static unsigned int probe_depth(struct blkcheck *bc)
{
	struct uk_blkreq *reqs = calloc(PROBE_MAX, sizeof(*reqs));
	void *buf = bc_alloc(bc, bc->info.ssize);
	unsigned int n = 0, done = 0, i;
	int ret = 0;

	if (!reqs || !buf) {
		bc_fail("out of memory");
		goto out;
	}
	for (n = 0; n < PROBE_MAX; n++) {
		reqs[n].op = UK_BLKREQ_READ;
		reqs[n].start_sector = bc->start;
		reqs[n].nb_sectors = 1;
		reqs[n].buf = buf;
		ret = uk_blkdev_queue_submit_one(bc->dev, 0, &reqs[n]);
		if (ret < 0)
			break;
	}
	if (ret < 0 && ret != -EBUSY) {
		bc_fail("submitting a one-sector read: %s", bc_errname(ret));
		n = 0;
	}
	while (done < n) {
		ret = uk_blkdev_queue_finish_reqs(bc->dev, 0);
		if (ret < 0) {
			bc_fail("finish_reqs: %s", bc_errname(ret));
			n = 0;
			break;
		}
		for (done = 0, i = 0; i < n; i++)
			done += reqs[i].finished;
	}
	for (i = 0; i < n; i++)
		if (reqs[i].result < 0) {
			bc_fail("a one-sector read of sector %llu: %s",
				(unsigned long long)bc->start,
				bc_errname(reqs[i].result));
			n = 0;
			break;
		}
out:
	free(reqs);
	free(buf);
	return n;
}

/* Write the pattern over the range, chunk by chunk. */
static int write_range(struct blkcheck *bc)
{
	uint64_t s, n, end = bc->start + bc->count;
	uint64_t len = MIN(bc->chunk, bc->count) * bc->info.ssize;
	unsigned int calls = 0;
	void *buf = bc_alloc(bc, len);
	int ret = 0;

	if (!buf)
		return bc_fail("out of memory for %llu bytes",
			       (unsigned long long)len);
	for (s = bc->start; s < end && !ret; s += n) {
		n = MIN(bc->chunk, end - s);
		pattern_fill(buf, s * bc_ups(bc), n * bc_ups(bc), bc->seed);
		ret = io(bc, UK_BLKREQ_WRITE, s, n, buf);
		if (ret < 0)
			ret = bc_fail("writing sectors %llu..%llu: %s",
				      (unsigned long long)s,
				      (unsigned long long)(s + n - 1),
				      bc_errname(ret));
		calls++;
	}
	free(buf);
	if (!ret)
		printf("blkcheck: wrote sectors %llu..%llu (%llu KiB) in %u "
		       "call(s) of at most %llu sectors\n",
		       (unsigned long long)bc->start,
		       (unsigned long long)(end - 1),
		       (unsigned long long)(bc->count * bc->info.ssize >> 10),
		       calls, (unsigned long long)bc->chunk);
	return ret;
}

/* Asynchronous requests: completion bookkeeping shared by callbacks. */
struct async {
	unsigned int done;
	unsigned int order[ASYNC_REQS];
	unsigned int calls[ASYNC_REQS];
};

struct async_req {
	struct uk_blkreq req;
	struct async *st;
	unsigned int idx;
	void *buf;
};

static void async_cb(struct uk_blkreq *req, void *cookie)
{
	struct async_req *ar = cookie;
	struct async *st = ar->st;

	/* finished and result are already valid here */
	if (st->done < ASYNC_REQS && req->finished)
		st->order[st->done] = ar->idx;
	st->done++;
	st->calls[ar->idx]++;
}

/*
 * Submit all @n requests (finishing some whenever the queue is full),
 * then finish until every callback ran. *@peak gets the most requests
 * seen in flight at once.
 */
static int async_run(struct blkcheck *bc, struct async_req *ar,
		     unsigned int n, struct async *st, unsigned int *peak)
{
	unsigned int i;
	int ret;

	memset(st, 0, sizeof(*st));
	*peak = 0;
	for (i = 0; i < n; i++) {
		while ((ret = uk_blkdev_queue_submit_one(bc->dev, 0,
							 &ar[i].req)) == -EBUSY)
			if ((ret = uk_blkdev_queue_finish_reqs(bc->dev, 0)) < 0)
				break;
		if (ret < 0)
			return bc_fail("async request %u: %s", i,
				       bc_errname(ret));
		if (i + 1 - st->done > *peak)
			*peak = i + 1 - st->done;
	}
	while (st->done < n) {
		ret = uk_blkdev_queue_finish_reqs(bc->dev, 0);
		if (ret < 0)
			return bc_fail("finish_reqs: %s", bc_errname(ret));
	}
	for (i = 0; i < n; i++) {
		if (st->calls[i] != 1)
			return bc_fail("async request %u: callback ran %u "
				       "times", i, st->calls[i]);
		if (ar[i].req.result < 0)
			return bc_fail("async request %u (from sector %llu): "
				       "%s", i,
				       (unsigned long long)
					       ar[i].req.start_sector,
				       bc_errname(ar[i].req.result));
	}
	return 0;
}

static void print_order(const char *what, const struct async *st,
			unsigned int n)
{
	printf(" %s", what);
	for (unsigned int i = 0; i < n; i++)
		printf(" %u", st->order[i]);
}

/*
 * Several requests in flight with callbacks: zero a region, write the
 * pattern back with n asynchronous writes, read it with n asynchronous
 * reads into separate buffers; whatever the completion order, each
 * callback runs once and each buffer holds its sectors.
 */
static int async_test(struct blkcheck *bc)
{
	unsigned int n = (unsigned int)MIN((uint64_t)ASYNC_REQS, bc->count);
	uint64_t per = MIN(MIN(bc->count / n, (uint64_t)8),
			   (uint64_t)bc->info.max_sectors_per_req);
	uint64_t len = per * bc->info.ssize;
	struct async_req ar[ASYNC_REQS];
	struct async st, wst;
	unsigned int i, wpeak, rpeak;
	void *zero;
	int ret;

	zero = bc_alloc(bc, n * len);
	if (!zero)
		return bc_fail("out of memory");
	memset(zero, 0, n * len);
	ret = io(bc, UK_BLKREQ_WRITE, bc->start, n * per, zero);
	free(zero);
	if (ret < 0)
		return bc_fail("zeroing sectors %llu..: %s",
			       (unsigned long long)bc->start, bc_errname(ret));

	for (i = 0; i < n; i++) {
		ar[i].buf = bc_alloc(bc, len);
		if (!ar[i].buf)
			return bc_fail("out of memory");
		ar[i].idx = i;
		ar[i].st = &st;
		ar[i].req = (struct uk_blkreq){
			.op = UK_BLKREQ_WRITE,
			.start_sector = bc->start + i * per,
			.nb_sectors = per, .buf = ar[i].buf,
			.cb = async_cb, .cb_cookie = &ar[i] };
		pattern_fill(ar[i].buf, (bc->start + i * per) * bc_ups(bc),
			     per * bc_ups(bc), bc->seed);
	}
	ret = async_run(bc, ar, n, &st, &wpeak);
	wst = st;
	if (!ret)
		ret = verify_sectors(bc, bc->start, n * per);
	for (i = 0; i < n && !ret; i++) {
		memset(ar[i].buf, 0xee, len);
		ar[i].req.op = UK_BLKREQ_READ;
	}
	if (!ret)
		ret = async_run(bc, ar, n, &st, &rpeak);
	for (i = 0; i < n && !ret; i++)
		ret = check_buf(bc, ar[i].buf, ar[i].req.start_sector, per);
	for (i = 0; i < n; i++)
		free(ar[i].buf);
	if (ret)
		return ret;
	printf("blkcheck: async: %u writes and %u reads of %llu sectors, "
	       "up to %u in flight, completion order:", n, n,
	       (unsigned long long)per, MAX(wpeak, rpeak));
	print_order("writes", &wst, n);
	print_order("reads", &st, n);
	printf("\n");
	return 0;
}

/* Expect @got to be @want for the request described by @what. */
static int expect(int got, int want, const char *what)
{
	if (got == want)
		return 0;
	return bc_fail("%s: got %s, want %s", what, bc_errname(got),
		       bc_errname(want));
}

/*
 * Requests outside the disk (or larger than the device takes) are
 * refused with -EINVAL and write nothing: the host checks the image,
 * and the last sector is read back here when the range covers it.
 */
static int out_of_range(struct blkcheck *bc)
{
	uint64_t cap = bc->info.sectors, max = bc->info.max_sectors_per_req;
	struct uk_blkreq r = { .op = UK_BLKREQ_WRITE, .nb_sectors = 1 };
	uint64_t len = 2 * bc->info.ssize;
	void *buf = bc_alloc(bc, len);
	int ret;

	if (!buf)
		return bc_fail("out of memory");
	memset(buf, 0xa5, len);
	r.buf = buf;
	ret = expect(io(bc, UK_BLKREQ_WRITE, cap - 1, 2, buf), -EINVAL,
		     "sync write of the last sector and one past it");
	if (!ret)
		ret = expect(io(bc, UK_BLKREQ_READ, cap, 1, buf), -EINVAL,
			     "sync read one past the end");
	r.start_sector = cap;
	if (!ret)
		ret = expect(uk_blkdev_queue_submit_one(bc->dev, 0, &r),
			     -EINVAL, "write request one past the end");
	r.start_sector = UINT64_MAX;
	r.nb_sectors = 2;
	if (!ret)
		ret = expect(uk_blkdev_queue_submit_one(bc->dev, 0, &r),
			     -EINVAL, "write request wrapping around 2^64");
	r.start_sector = 0;
	r.nb_sectors = max + 1;
	if (!ret && max < cap) {
		/* buf is too small, but the size check comes first */
		ret = expect(uk_blkdev_queue_submit_one(bc->dev, 0, &r),
			     -EINVAL,
			     "write request above max_sectors_per_req");
	}
	free(buf);
	if (!ret && bc->start + bc->count == cap)
		ret = verify_sectors(bc, cap - 1, 1);
	if (!ret)
		printf("blkcheck: out-of-range requests refused with "
		       "-EINVAL, nothing written\n");
	return ret;
}

/*
 * With UK_BLKDEV_F_QUEUE_INTR: enable the queue's interrupt, submit a
 * read and wait (2 s at most) for the queue callback before finishing
 * it. Without: the enable call must say -ENOTSUP.
 */
int bc_intr_test(struct blkcheck *bc)
{
	struct uk_blkreq r = { .op = UK_BLKREQ_READ,
			       .start_sector = bc->start, .nb_sectors = 1 };
	unsigned int before;
	__nsec deadline;
	int ret;

	ret = uk_blkdev_queue_intr_enable(bc->dev, 0);
	if (!(bc->info.flags & UK_BLKDEV_F_QUEUE_INTR)) {
		if (ret != -ENOTSUP)
			return expect(ret, -ENOTSUP,
				      "interrupt enable without interrupts");
		printf("blkcheck: interrupt: none, polling only\n");
		return 0;
	}
	if (ret < 0)
		return bc_fail("interrupt enable: %s", bc_errname(ret));
	r.buf = bc_alloc(bc, bc->info.ssize);
	if (!r.buf)
		return bc_fail("out of memory");
	before = bc->events;
	ret = uk_blkdev_queue_submit_one(bc->dev, 0, &r);
	if (ret < 0) {
		free(r.buf);
		return bc_fail("interrupt-mode read: %s", bc_errname(ret));
	}
	deadline = uk_plat_monotonic_ns() + 2 * UK_NSEC_PER_SEC;
	while (bc->events == before && uk_plat_monotonic_ns() < deadline)
		;
	if (bc->events == before)
		ret = bc_fail("no queue interrupt within 2 s of a read");
	while (!ret && !r.finished)
		ret = uk_blkdev_queue_finish_reqs(bc->dev, 0) < 0;
	uk_blkdev_queue_intr_disable(bc->dev, 0);
	if (!ret && r.result < 0)
		ret = bc_fail("interrupt-mode read: %s",
			      bc_errname(r.result));
	if (!ret)
		ret = check_buf(bc, r.buf, bc->start, 1);
	free(r.buf);
	if (!ret)
		printf("blkcheck: interrupt: read completion signalled by "
		       "the queue callback\n");
	return ret;
}

static int stats(struct blkcheck *bc)
{
	struct uk_blkdev_stats st;

	uk_blkdev_stats_get(bc->dev, &st);
	printf("blkcheck: stats: reads=%llu writes=%llu flushes=%llu "
	       "read_bytes=%llu write_bytes=%llu errors=%llu "
	       "bad_completions=%llu\n",
	       (unsigned long long)st.reads, (unsigned long long)st.writes,
	       (unsigned long long)st.flushes,
	       (unsigned long long)st.read_bytes,
	       (unsigned long long)st.write_bytes,
	       (unsigned long long)st.errors,
	       (unsigned long long)st.bad_completions);
	if (st.errors || st.bad_completions)
		return bc_fail("the device reported errors");
	return 0;
}

int bc_mode_check(struct blkcheck *bc)
{
	unsigned int depth;
	uint64_t cap;
	int ret;

	if (bc->info.flags & UK_BLKDEV_F_READONLY)
		return bc_fail("disk 0 is read-only: use the readonly mode");
	printf("blkcheck: check of sectors %llu..%llu, seed %llu\n",
	       (unsigned long long)bc->start,
	       (unsigned long long)(bc->start + bc->count - 1),
	       (unsigned long long)bc->seed);
	depth = probe_depth(bc);
	if (!depth)
		return 1;
	cap = (uint64_t)depth * bc->info.max_sectors_per_req;
	printf("blkcheck: queue holds %u%s requests (%llu sectors); one "
	       "transfer of %llu sectors %s it\n", depth,
	       depth == PROBE_MAX ? "+" : "", (unsigned long long)cap,
	       (unsigned long long)MIN(bc->chunk, bc->count),
	       MIN(bc->chunk, bc->count) > cap ? "exceeds" : "fits in");
	ret = write_range(bc);
	if (!ret)
		ret = bc_verify(bc);
	if (!ret)
		ret = async_test(bc);
	if (!ret)
		ret = bc_intr_test(bc);
	if (!ret) {
		ret = expect(io(bc, UK_BLKREQ_FLUSH, 0, 0, NULL), 0, "flush");
		if (!ret)
			printf("blkcheck: flush done\n");
	}
	if (!ret)
		ret = out_of_range(bc);
	if (!ret)
		ret = stats(bc);
	if (!ret)
		printf("blkcheck: OK\n");
	return ret;
}

int bc_mode_readonly(struct blkcheck *bc)
{
	struct uk_blkreq r = { .op = UK_BLKREQ_WRITE,
			       .start_sector = bc->start, .nb_sectors = 1 };
	void *buf = bc_alloc(bc, bc->info.ssize);
	int ret;

	if (!buf)
		return bc_fail("out of memory");
	memset(buf, 0xa5, bc->info.ssize);
	r.buf = buf;
	if (!(bc->info.flags & UK_BLKDEV_F_READONLY))
		ret = bc_fail("disk 0 is not read-only");
	else
		ret = expect(io(bc, UK_BLKREQ_WRITE, bc->start, 1, buf),
			     -EROFS, "sync write to a read-only disk");
	if (!ret)
		ret = expect(uk_blkdev_queue_submit_one(bc->dev, 0, &r),
			     -EROFS, "write request to a read-only disk");
	free(buf);
	if (ret)
		return ret;
	printf("blkcheck: writes refused with -EROFS\n");
	ret = bc_verify(bc);
	if (!ret)
		ret = stats(bc);
	if (!ret)
		printf("blkcheck: OK\n");
	return ret;
}
