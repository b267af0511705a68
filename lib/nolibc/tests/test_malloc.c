/* SPDX-License-Identifier: BSD-3-Clause */
/* nolibc's malloc family: the libc edge of ukalloc's default heap. */
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uk/test.h>

UK_TESTCASE(nolibc, malloc_free)
{
	char *p = malloc(100);

	UK_TEST_ASSERT_NOT_NULL(p);
	UK_TEST_EXPECT_UINT_EQ((uintptr_t)p % 16, 0);
	UK_TEST_EXPECT(malloc_usable_size(p) >= 100);
	memset(p, 'x', 100);
	free(p);
	free(NULL);
	p = malloc(0);
	UK_TEST_EXPECT_NOT_NULL(p);
	free(p);
}

UK_TESTCASE(nolibc, malloc_enomem)
{
	/* before: errno clear; after: NULL and ENOMEM, no crash */
	errno = 0;
	UK_TEST_EXPECT_NULL(malloc(SIZE_MAX));
	UK_TEST_EXPECT_INT_EQ(errno, ENOMEM);
	errno = 0;
	UK_TEST_EXPECT_NULL(malloc((size_t)1 << 40));
	UK_TEST_EXPECT_INT_EQ(errno, ENOMEM);
	errno = 0;
	UK_TEST_EXPECT_NULL(calloc(SIZE_MAX / 4, 8));
	UK_TEST_EXPECT_INT_EQ(errno, ENOMEM);
	/* ...and the heap still works. */
	free(malloc(10));
}

UK_TESTCASE(nolibc, calloc_realloc)
{
	unsigned char *p = calloc(4, 25), *q;
	int i, bad = 0;

	UK_TEST_ASSERT_NOT_NULL(p);
	for (i = 0; i < 100; i++)
		bad |= p[i];
	UK_TEST_EXPECT_INT_EQ(bad, 0);
	for (i = 0; i < 100; i++)
		p[i] = i;
	q = realloc(p, 10000);
	UK_TEST_ASSERT_NOT_NULL(q);
	for (i = 0; i < 100; i++)
		bad |= q[i] != i;
	UK_TEST_EXPECT_INT_EQ(bad, 0);
	/* A failed realloc keeps the block and sets errno. */
	errno = 0;
	UK_TEST_EXPECT_NULL(realloc(q, SIZE_MAX));
	UK_TEST_EXPECT_INT_EQ(errno, ENOMEM);
	UK_TEST_EXPECT_INT_EQ(q[99], 99);
	/* realloc(NULL, n) allocates; realloc(p, 0) frees. */
	p = realloc(NULL, 8);
	UK_TEST_EXPECT_NOT_NULL(p);
	free(p);
	errno = 0;
	UK_TEST_EXPECT_NULL(realloc(q, 0));
	UK_TEST_EXPECT_INT_EQ(errno, 0);
}

UK_TESTCASE(nolibc, aligned_allocations)
{
	void *p = NULL;

	UK_TEST_EXPECT_INT_EQ(posix_memalign(&p, 256, 10), 0);
	UK_TEST_EXPECT_UINT_EQ((uintptr_t)p % 256, 0);
	free(p);
	/* posix_memalign returns the error, and leaves errno alone. */
	errno = 0;
	UK_TEST_EXPECT_INT_EQ(posix_memalign(&p, 12, 10), EINVAL);
	UK_TEST_EXPECT_INT_EQ(posix_memalign(&p, 64, SIZE_MAX), ENOMEM);
	UK_TEST_EXPECT_INT_EQ(errno, 0);
	p = aligned_alloc(4096, 4096);
	UK_TEST_EXPECT_NOT_NULL(p);
	UK_TEST_EXPECT_UINT_EQ((uintptr_t)p % 4096, 0);
	free(p);
	p = memalign(64, 1);
	UK_TEST_EXPECT_UINT_EQ((uintptr_t)p % 64, 0);
	free(p);
	errno = 0;
	UK_TEST_EXPECT_NULL(aligned_alloc(3, 8));
	UK_TEST_EXPECT_INT_EQ(errno, EINVAL);
}
