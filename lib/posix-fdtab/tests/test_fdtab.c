/* SPDX-License-Identifier: BSD-3-Clause */
/* The fd table, fcntl, pipes and eventfd, through the uk_sys_* calls. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <uk/fdtab.h>
#include <uk/sched.h>
#include <uk/test.h>

UK_TESTCASE(posix_fdtab, console_fds)
{
	struct stat st;

	/* fds 0-2 are the console from boot on */
	UK_TEST_EXPECT_INT_EQ(uk_sys_fstat(1, &st), 0);
	UK_TEST_EXPECT(S_ISCHR(st.st_mode));
	UK_TEST_EXPECT_INT_EQ(uk_sys_write(1, "", 0), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_fcntl(0, F_GETFL, 0) & O_ACCMODE,
			      O_RDWR);
	UK_TEST_EXPECT_INT_EQ(uk_sys_lseek(2, 0, SEEK_SET), -ESPIPE);
}

UK_TESTCASE(posix_fdtab, bad_fds)
{
	char c;

	UK_TEST_EXPECT_INT_EQ(uk_sys_close(-1), -EBADF);
	UK_TEST_EXPECT_INT_EQ(uk_sys_close(999), -EBADF);
	UK_TEST_EXPECT_INT_EQ(uk_sys_read(12345678, &c, 1), -EBADF);
	UK_TEST_EXPECT_INT_EQ(uk_sys_dup(777), -EBADF);
	UK_TEST_EXPECT_INT_EQ(uk_sys_dup2(777, 5), -EBADF);
	UK_TEST_EXPECT_INT_EQ(uk_sys_dup3(1, 1, 0), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_sys_dup3(1, 5, 12345), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_sys_fcntl(1, 9999, 0), -EINVAL);
}

UK_TESTCASE(posix_fdtab, pipe_dup_and_lowest_fd)
{
	int p[2], d, d2;
	char buf[8];

	UK_TEST_ASSERT_INT_EQ(uk_sys_pipe2(p, 0), 0);
	/* before: the pipe has the lowest free fds */
	UK_TEST_EXPECT_INT_EQ(p[1], p[0] + 1);
	d = uk_sys_dup(p[1]);
	UK_TEST_EXPECT_INT_EQ(d, p[1] + 1);
	/* write on the dup, read on the original pipe end */
	UK_TEST_EXPECT_INT_EQ(uk_sys_write(d, "abc", 3), 3);
	UK_TEST_EXPECT_INT_EQ(uk_sys_close(p[1]), 0);
	/* after: the freed fd is the lowest again */
	d2 = uk_sys_dup(p[0]);
	UK_TEST_EXPECT_INT_EQ(d2, p[1]);
	UK_TEST_EXPECT_INT_EQ(uk_sys_read(d2, buf, sizeof(buf)), 3);
	UK_TEST_EXPECT_MEM_EQ(buf, "abc", 3);
	/* the write end still open through d: a non-blocking read waits */
	UK_TEST_EXPECT_INT_EQ(uk_sys_fcntl(p[0], F_SETFL, O_NONBLOCK), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_read(p[0], buf, 1), -EAGAIN);
	/* both share the open file: the flag shows on d2 */
	UK_TEST_EXPECT(uk_sys_fcntl(d2, F_GETFL, 0) & O_NONBLOCK);
	UK_TEST_EXPECT_INT_EQ(uk_sys_close(d), 0);
	/* last writer gone: end of file, not EAGAIN */
	UK_TEST_EXPECT_INT_EQ(uk_sys_read(p[0], buf, 1), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_write(p[0], "x", 1), -EBADF);
	uk_sys_close(p[0]);
	uk_sys_close(d2);
}

UK_TESTCASE(posix_fdtab, dup2_over_open_fd)
{
	int a[2], b[2];
	char c;

	UK_TEST_ASSERT_INT_EQ(uk_sys_pipe2(a, 0), 0);
	UK_TEST_ASSERT_INT_EQ(uk_sys_pipe2(b, O_NONBLOCK), 0);
	uk_sys_write(a[1], "A", 1);
	uk_sys_write(b[1], "B", 1);
	/* before: b[0] reads b's pipe; after dup2 it reads a's */
	UK_TEST_EXPECT_INT_EQ(uk_sys_dup2(a[0], b[0]), b[0]);
	UK_TEST_EXPECT_INT_EQ(uk_sys_read(b[0], &c, 1), 1);
	UK_TEST_EXPECT_INT_EQ(c, 'A');
	/* b's old read end was closed: its writer sees EPIPE */
	UK_TEST_EXPECT_INT_EQ(uk_sys_write(b[1], "x", 1), -EPIPE);
	UK_TEST_EXPECT_INT_EQ(uk_sys_dup2(a[0], a[0]), a[0]);
	UK_TEST_EXPECT_INT_EQ(uk_sys_dup2(99999, a[0]), -EBADF);
	uk_sys_close(a[0]);
	uk_sys_close(a[1]);
	uk_sys_close(b[0]);
	uk_sys_close(b[1]);
}

UK_TESTCASE(posix_fdtab, fcntl_flags)
{
	int p[2], d;

	UK_TEST_ASSERT_INT_EQ(uk_sys_pipe2(p, O_CLOEXEC), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_fcntl(p[0], F_GETFD, 0), FD_CLOEXEC);
	UK_TEST_EXPECT_INT_EQ(uk_sys_fcntl(p[0], F_SETFD, 0), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_fcntl(p[0], F_GETFD, 0), 0);
	d = uk_sys_fcntl(p[0], F_DUPFD_CLOEXEC, 40);
	UK_TEST_EXPECT_INT_EQ(d, 40);
	UK_TEST_EXPECT_INT_EQ(uk_sys_fcntl(d, F_GETFD, 0), FD_CLOEXEC);
	UK_TEST_EXPECT_INT_EQ(uk_sys_fcntl(p[0], F_DUPFD, 40), 41);
	UK_TEST_EXPECT_INT_EQ(uk_sys_fcntl(41, F_GETFD, 0), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_fcntl(p[0], F_DUPFD, -1), -EINVAL);
	/* F_SETFL keeps the access mode, changes O_NONBLOCK/O_APPEND */
	UK_TEST_EXPECT_INT_EQ(uk_sys_fcntl(p[1], F_SETFL,
					   O_RDONLY | O_NONBLOCK), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_fcntl(p[1], F_GETFL, 0),
			      O_WRONLY | O_NONBLOCK);
	uk_sys_close(41);
	uk_sys_close(d);
	uk_sys_close(p[0]);
	uk_sys_close(p[1]);
}

UK_TESTCASE(posix_fdtab, fd_limit)
{
	int first = -1, last = -1, fd, n = 0;

	/* fill the table; the next one is EMFILE, nothing else breaks */
	while ((fd = uk_sys_dup(1)) >= 0) {
		if (first < 0)
			first = fd;
		last = fd;
		n++;
	}
	UK_TEST_EXPECT_INT_EQ(fd, -EMFILE);
	UK_TEST_EXPECT_INT_EQ(last, uk_fdtab_limit() - 1);
	UK_TEST_EXPECT_INT_EQ(uk_sys_fcntl(1, F_DUPFD, uk_fdtab_limit()),
			      -EINVAL);
	for (fd = first; fd <= last; fd++)
		uk_sys_close(fd);
	UK_TEST_EXPECT_INT_EQ(uk_sys_dup(1), first);
	uk_sys_close(first);
	UK_TEST_EXPECT(n > 3);
}

static int rfd;
static char got[16];

static void *pipe_reader(void *arg __unused)
{
	long n = uk_sys_read(rfd, got, sizeof(got));

	return (void *)n;
}

UK_TESTCASE(posix_fdtab, pipe_blocking_reader_wakes)
{
	struct uk_thread *t;
	void *ret;
	int p[2];

	UK_TEST_ASSERT_INT_EQ(uk_sys_pipe2(p, 0), 0);
	rfd = p[0];
	UK_TEST_ASSERT_INT_EQ(uk_thread_create(&t, "reader", 0, pipe_reader,
					       NULL), 0);
	/* the reader blocks (sleeps) until we write */
	uk_sched_yield();
	UK_TEST_EXPECT_INT_EQ(uk_sys_write(p[1], "hello", 5), 5);
	uk_thread_join(t, &ret);
	UK_TEST_EXPECT_INT_EQ((long)ret, 5);
	UK_TEST_EXPECT_MEM_EQ(got, "hello", 5);
	uk_sys_close(p[0]);
	uk_sys_close(p[1]);
}

static int wfd;

static void *pipe_filler(void *arg)
{
	static char big[100000];
	long n = uk_sys_write(wfd, big, (size_t)(uintptr_t)arg);

	return (void *)n;
}

UK_TESTCASE(posix_fdtab, pipe_full_writer_waits)
{
	struct uk_thread *t;
	static char sink[4096];
	long total = 0, n;
	void *ret;
	int p[2];

	UK_TEST_ASSERT_INT_EQ(uk_sys_pipe2(p, 0), 0);
	wfd = p[1];
	UK_TEST_ASSERT_INT_EQ(uk_thread_create(&t, "filler", 0, pipe_filler,
					       (void *)100000), 0);
	/* more than the pipe holds: the writer waits for us to drain */
	while (total < 100000) {
		n = uk_sys_read(p[0], sink, sizeof(sink));
		if (n <= 0)
			break;
		total += n;
	}
	uk_thread_join(t, &ret);
	UK_TEST_EXPECT_INT_EQ(total, 100000);
	UK_TEST_EXPECT_INT_EQ((long)ret, 100000);
	/* non-blocking, full pipe: a partial write, then EAGAIN */
	uk_sys_fcntl(p[1], F_SETFL, O_NONBLOCK);
	while ((n = uk_sys_write(p[1], sink, sizeof(sink))) > 0)
		total += n;
	UK_TEST_EXPECT_INT_EQ(n, -EAGAIN);
	UK_TEST_EXPECT_INT_EQ(uk_sys_ioctl(p[0], FIONREAD, &n), 0);
	UK_TEST_EXPECT_INT_EQ((int)n, CONFIG_LIBPOSIX_FDTAB_PIPE_SIZE);
	uk_sys_close(p[0]);
	uk_sys_close(p[1]);
}

UK_TESTCASE(posix_fdtab, eventfd_counter_and_semaphore)
{
	uint64_t v;
	int fd, sfd;

	fd = uk_sys_eventfd2(3, EFD_NONBLOCK);
	UK_TEST_ASSERT(fd >= 0);
	v = 4;
	UK_TEST_EXPECT_INT_EQ(uk_sys_write(fd, &v, 8), 8);
	UK_TEST_EXPECT_INT_EQ(uk_sys_read(fd, &v, 8), 8);
	UK_TEST_EXPECT_UINT_EQ(v, 7);
	UK_TEST_EXPECT_INT_EQ(uk_sys_read(fd, &v, 8), -EAGAIN);
	UK_TEST_EXPECT_INT_EQ(uk_sys_read(fd, &v, 4), -EINVAL);
	v = ~0ULL;
	UK_TEST_EXPECT_INT_EQ(uk_sys_write(fd, &v, 8), -EINVAL);
	v = 0xfffffffffffffffeULL;
	UK_TEST_EXPECT_INT_EQ(uk_sys_write(fd, &v, 8), 8);
	v = 1;
	UK_TEST_EXPECT_INT_EQ(uk_sys_write(fd, &v, 8), -EAGAIN);
	uk_sys_close(fd);

	sfd = uk_sys_eventfd2(2, EFD_SEMAPHORE | EFD_NONBLOCK);
	UK_TEST_EXPECT_INT_EQ(uk_sys_read(sfd, &v, 8), 8);
	UK_TEST_EXPECT_UINT_EQ(v, 1);
	UK_TEST_EXPECT_INT_EQ(uk_sys_read(sfd, &v, 8), 8);
	UK_TEST_EXPECT_INT_EQ(uk_sys_read(sfd, &v, 8), -EAGAIN);
	uk_sys_close(sfd);
	UK_TEST_EXPECT_INT_EQ(uk_sys_eventfd2(0, 0x4000000), -EINVAL);
}
