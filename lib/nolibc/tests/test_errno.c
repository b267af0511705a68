/* SPDX-License-Identifier: BSD-3-Clause */
/* nolibc errno, strerror and the limits.h/sys/types.h definitions. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <uk/test.h>

UK_TESTCASE(nolibc, errno_storage)
{
	/* before: 0; after: what was stored, at one stable address */
	errno = 0;
	UK_TEST_EXPECT_INT_EQ(errno, 0);
	errno = ENOSPC;
	UK_TEST_EXPECT_INT_EQ(errno, ENOSPC);
	UK_TEST_EXPECT_PTR_EQ(&errno, __errno_location());
	UK_TEST_EXPECT_INT_EQ(*__errno_location(), ENOSPC);

	/* A library function sets it on failure... */
	errno = 0;
	strtol("99999999999999999999", NULL, 10);
	UK_TEST_EXPECT_INT_EQ(errno, ERANGE);
	/* ...and leaves it alone on success. */
	strtol("1", NULL, 10);
	UK_TEST_EXPECT_INT_EQ(errno, ERANGE);
}

UK_TESTCASE(nolibc, errno_linux_values)
{
	UK_TEST_EXPECT_INT_EQ(EPERM, 1);
	UK_TEST_EXPECT_INT_EQ(ENOENT, 2);
	UK_TEST_EXPECT_INT_EQ(EIO, 5);
	UK_TEST_EXPECT_INT_EQ(EAGAIN, 11);
	UK_TEST_EXPECT_INT_EQ(EWOULDBLOCK, EAGAIN);
	UK_TEST_EXPECT_INT_EQ(ENOMEM, 12);
	UK_TEST_EXPECT_INT_EQ(EINVAL, 22);
	UK_TEST_EXPECT_INT_EQ(ENOSPC, 28);
	UK_TEST_EXPECT_INT_EQ(ERANGE, 34);
	UK_TEST_EXPECT_INT_EQ(ENOSYS, 38);
	UK_TEST_EXPECT_INT_EQ(EOVERFLOW, 75);
	UK_TEST_EXPECT_INT_EQ(ENOTSUP, 95);
	UK_TEST_EXPECT_INT_EQ(ETIMEDOUT, 110);
	UK_TEST_EXPECT_INT_EQ(EHWPOISON, 133);
}

UK_TESTCASE(nolibc, strerror_messages)
{
	int e, bad = 0;

	UK_TEST_EXPECT_STR_EQ(strerror(0), "Success");
	UK_TEST_EXPECT_STR_EQ(strerror(ENOENT), "No such file or directory");
	UK_TEST_EXPECT_STR_EQ(strerror(EINVAL), "Invalid argument");
	UK_TEST_EXPECT_STR_EQ(strerror(ENOMEM), "Out of memory");
	UK_TEST_EXPECT_STR_EQ(strerror(ENOSYS), "Function not implemented");
	UK_TEST_EXPECT_STR_EQ(strerror(EHWPOISON),
			      "Memory page has hardware error");
	UK_TEST_EXPECT_STR_EQ(strerror(-1), "Unknown error");
	UK_TEST_EXPECT_STR_EQ(strerror(41), "Unknown error");
	UK_TEST_EXPECT_STR_EQ(strerror(134), "Unknown error");
	UK_TEST_EXPECT_STR_EQ(strerror(INT_MAX), "Unknown error");
	/* Every number Linux uses up to 133 has its own message. */
	for (e = 1; e <= 133; e++) {
		if (e == 41 || e == 58)
			continue;
		if (!strcmp(strerror(e), "Unknown error"))
			bad++;
	}
	UK_TEST_EXPECT_INT_EQ(bad, 0);
}

UK_TESTCASE(nolibc, limits_types)
{
	UK_TEST_EXPECT_INT_EQ(CHAR_BIT, 8);
	UK_TEST_EXPECT_INT_EQ(INT_MAX, 2147483647);
	UK_TEST_EXPECT_INT_EQ(INT_MIN, -2147483647 - 1);
	UK_TEST_EXPECT_UINT_EQ(UINT_MAX, 4294967295U);
	UK_TEST_EXPECT_INT_EQ(SCHAR_MIN, -128);
	UK_TEST_EXPECT_INT_EQ(UCHAR_MAX, 255);
	UK_TEST_EXPECT_INT_EQ(SHRT_MIN, -32768);
	UK_TEST_EXPECT_INT_EQ(USHRT_MAX, 65535);
	UK_TEST_EXPECT_INT_EQ(LONG_MAX, INT64_MAX);
	UK_TEST_EXPECT_UINT_EQ(ULONG_MAX, UINT64_MAX);
	UK_TEST_EXPECT_INT_EQ(LLONG_MIN, INT64_MIN);
	UK_TEST_EXPECT_UINT_EQ(ULLONG_MAX, UINT64_MAX);
	UK_TEST_EXPECT_INT_EQ(SSIZE_MAX, INT64_MAX);
	UK_TEST_EXPECT_UINT_EQ(SIZE_MAX, UINT64_MAX);
	UK_TEST_EXPECT_INT_EQ(PATH_MAX, 4096);
	UK_TEST_EXPECT_INT_EQ(sizeof(ssize_t), sizeof(size_t));
	UK_TEST_EXPECT_INT_EQ(sizeof(off_t), 8);
	UK_TEST_EXPECT_INT_EQ((ssize_t)-1 < 0, 1);
	UK_TEST_EXPECT_INT_EQ((off_t)-1 < 0, 1);
}
