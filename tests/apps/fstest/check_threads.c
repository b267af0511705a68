/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Threads and files: 8 threads each write their own file and append
 * records to one shared file (O_APPEND, each with its own fd), yielding
 * between writes so that they interleave; afterwards every file holds
 * exactly its records, and the shared file every record of every thread
 * once, whole, and in each thread's order. Also a thread blocked in poll
 * wakes when another thread writes the pipe.
 */
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uk/sched.h>
#include "check.h"

#define NTHREADS 8
#define NRECORDS 200
#define RECLEN 64

static void record(char *rec, int t, int r)
{
	int n = snprintf(rec, RECLEN, "thread %d record %04d ", t, r);

	memset(rec + n, 'a' + t, RECLEN - 1 - n);
	rec[RECLEN - 1] = '\n';
}

static void *writer(void *arg)
{
	int t = (int)(long)arg, own, shared, r;
	char rec[RECLEN], name[16];
	long bad = 0;

	snprintf(name, sizeof(name), "own%d", t);
	own = open(name, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	shared = open("shared", O_CREAT | O_WRONLY | O_APPEND, 0644);
	if (own < 0 || shared < 0)
		return (void *)1L;
	for (r = 0; r < NRECORDS; r++) {
		record(rec, t, r);
		bad += write(own, rec, RECLEN) != RECLEN;
		bad += write(shared, rec, RECLEN) != RECLEN;
		uk_sched_yield();
	}
	close(own);
	close(shared);
	return (void *)bad;
}

static void *late_writer(void *arg)
{
	uk_sched_sleep(50 * 1000000ULL);
	write((int)(long)arg, "w", 1);
	return NULL;
}

void fst_check_threads(const char *dir)
{
	struct uk_thread *th[NTHREADS];
	int next[NTHREADS] = { 0 }, t, r, fd, ok, p[2], rc;
	char rec[RECLEN], want[RECLEN], name[16], *buf;
	struct pollfd pfd;
	struct stat st;
	void *ret;
	long bad = 0, t0, i;

	if (chdir(dir) < 0)
		return;
	for (t = 0; t < NTHREADS; t++) {
		rc = uk_thread_create(&th[t], "fswriter", 0, writer,
				      (void *)(long)t);
		if (rc) {
			FST_TRUE("threads.create", 0, "uk_thread_create: %d",
				 rc);
			return;
		}
	}
	for (t = 0; t < NTHREADS; t++) {
		uk_thread_join(th[t], &ret);
		bad += (long)ret;
	}
	FST_TRUE("threads.writes_complete", !bad, "%ld writes failed or short",
		 bad);
	ok = 1;
	for (t = 0; t < NTHREADS; t++) {
		snprintf(name, sizeof(name), "own%d", t);
		fd = open(name, O_RDONLY);
		for (r = 0; r < NRECORDS && ok; r++) {
			record(want, t, r);
			ok = read(fd, rec, RECLEN) == RECLEN &&
			     !memcmp(rec, want, RECLEN);
		}
		ok = ok && read(fd, rec, 1) == 0;
		close(fd);
	}
	FST_TRUE("threads.own_files", ok, "a thread's own file is wrong");
	FST_TRUE("threads.shared_size", !stat("shared", &st) &&
		 st.st_size == NTHREADS * NRECORDS * RECLEN,
		 "shared file has %lld bytes, want %d", (long long)st.st_size,
		 NTHREADS * NRECORDS * RECLEN);
	buf = malloc(NTHREADS * NRECORDS * RECLEN);
	fd = open("shared", O_RDONLY);
	ok = buf && read(fd, buf, NTHREADS * NRECORDS * RECLEN) ==
			    NTHREADS * NRECORDS * RECLEN;
	close(fd);
	/* Each record whole, each thread's records in order, none lost. */
	for (i = 0; ok && i < NTHREADS * NRECORDS; i++) {
		t = buf[i * RECLEN + 7] - '0';
		ok = t >= 0 && t < NTHREADS;
		if (!ok)
			break;
		record(want, t, next[t]++);
		ok = !memcmp(buf + i * RECLEN, want, RECLEN);
	}
	for (t = 0; ok && t < NTHREADS; t++)
		ok = next[t] == NRECORDS;
	FST_TRUE("threads.shared_append", ok,
		 "record %ld of the shared file is torn, lost or out of order",
		 i);
	free(buf);

	/* A thread sleeping in poll wakes when another thread writes. */
	pipe(p);
	uk_thread_create(&th[0], "late", 0, late_writer, (void *)(long)p[1]);
	pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	t0 = fst_now_ms();
	rc = poll(&pfd, 1, 5000);
	t0 = fst_now_ms() - t0;
	FST_TRUE("threads.poll_wakeup", rc == 1 && t0 >= 45 && t0 < 4000,
		 "poll = %d after %ld ms (writer at 50 ms)", rc, t0);
	uk_thread_join(th[0], NULL);
	close(p[0]);
	close(p[1]);
}
