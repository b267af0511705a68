/* SPDX-License-Identifier: BSD-3-Clause */
/* Netbuf allocation, layout, header moves and chains. */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/netbuf.h>
#include <uk/test.h>

static unsigned int dtor_calls;

static void count_dtor(struct uk_netbuf *nb)
{
	dtor_calls++;
	uk_free(nb->a, nb);
}

UK_TESTCASE(uknetbuf, alloc_layout)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct uk_netbuf *nb;
	char *end;

	nb = uk_netbuf_alloc(a, 2048, 64, 0, 24);
	UK_TEST_ASSERT_NOT_NULL(nb);
	UK_TEST_EXPECT_UINT_EQ(nb->len, 0);
	UK_TEST_EXPECT_UINT_EQ(nb->buflen, 2048);
	UK_TEST_EXPECT_UINT_EQ(uk_netbuf_headroom(nb), 64);
	UK_TEST_EXPECT_UINT_EQ(uk_netbuf_tailroom(nb), 2048 - 64);
	UK_TEST_EXPECT_UINT_EQ((uintptr_t)nb->data % 8, 0);
	UK_TEST_EXPECT_PTR_EQ(nb->next, NULL);
	UK_TEST_EXPECT_PTR_EQ(nb->a, a);
	/* the private area is zeroed and lies before the buffer */
	UK_TEST_ASSERT_NOT_NULL(nb->priv);
	UK_TEST_EXPECT_INT_EQ(((char *)nb->priv)[0], 0);
	UK_TEST_EXPECT_INT_EQ(((char *)nb->priv)[23], 0);
	UK_TEST_EXPECT((char *)nb->priv + 24 <= (char *)nb->buf);
	UK_TEST_EXPECT((char *)nb->priv >= (char *)(nb + 1));
	/* the whole buffer is writable (the allocator's debug checks catch
	 * an overrun at free) */
	end = (char *)nb->buf + nb->buflen;
	memset(nb->buf, 0xa5, nb->buflen);
	UK_TEST_EXPECT_INT_EQ((unsigned char)end[-1], 0xa5);
	uk_netbuf_free(nb);

	nb = uk_netbuf_alloc(a, 100, 0, 0, 0);
	UK_TEST_ASSERT_NOT_NULL(nb);
	UK_TEST_EXPECT_NULL(nb->priv);
	UK_TEST_EXPECT_UINT_EQ(uk_netbuf_headroom(nb), 0);
	uk_netbuf_free(nb);
}

UK_TESTCASE(uknetbuf, alloc_alignment)
{
	struct uk_alloc *a = uk_alloc_get_default();
	size_t aligns[] = { 1, 2, 16, 64, 256, 4096 };
	struct uk_netbuf *nb;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(aligns); i++) {
		/* an odd headroom and priv_len: data still aligned */
		nb = uk_netbuf_alloc(a, 1514, 13, aligns[i], 7);
		UK_TEST_ASSERT_NOT_NULL(nb);
		UK_TEST_EXPECT_UINT_EQ((uintptr_t)nb->data % aligns[i], 0);
		UK_TEST_EXPECT_UINT_EQ(uk_netbuf_headroom(nb), 13);
		uk_netbuf_free(nb);
	}
}

UK_TESTCASE(uknetbuf, alloc_bad_arguments)
{
	struct uk_alloc *a = uk_alloc_get_default();

	/* headroom larger than the buffer */
	UK_TEST_EXPECT_NULL(uk_netbuf_alloc(a, 64, 65, 0, 0));
	/* alignment not a power of two */
	UK_TEST_EXPECT_NULL(uk_netbuf_alloc(a, 64, 0, 12, 0));
	/* sizes beyond what the descriptor can describe */
	UK_TEST_EXPECT_NULL(uk_netbuf_alloc(a, (size_t)1 << 33, 0, 0, 0));
	/* a heap without memory */
	UK_TEST_EXPECT_NULL(uk_netbuf_alloc(NULL, 64, 0, 0, 0));
	/* headroom == size is a buffer with no tailroom */
	{
		struct uk_netbuf *nb = uk_netbuf_alloc(a, 64, 64, 0, 0);

		UK_TEST_ASSERT_NOT_NULL(nb);
		UK_TEST_EXPECT_UINT_EQ(uk_netbuf_tailroom(nb), 0);
		uk_netbuf_free(nb);
	}
}

UK_TESTCASE(uknetbuf, header_grow_and_strip)
{
	struct uk_netbuf *nb;
	void *data0;

	nb = uk_netbuf_alloc(uk_alloc_get_default(), 256, 32, 0, 0);
	UK_TEST_ASSERT_NOT_NULL(nb);
	data0 = nb->data;
	nb->len = 100;
	/* grow by the whole headroom, then one byte more: refused */
	UK_TEST_EXPECT_INT_EQ(uk_netbuf_header(nb, 32), 0);
	UK_TEST_EXPECT_PTR_EQ(nb->data, nb->buf);
	UK_TEST_EXPECT_UINT_EQ(nb->len, 132);
	UK_TEST_EXPECT_INT_EQ(uk_netbuf_header(nb, 1), -EINVAL);
	UK_TEST_EXPECT_UINT_EQ(nb->len, 132);
	UK_TEST_EXPECT_UINT_EQ(uk_netbuf_headroom(nb), 0);
	/* strip back */
	UK_TEST_EXPECT_INT_EQ(uk_netbuf_header(nb, -32), 0);
	UK_TEST_EXPECT_PTR_EQ(nb->data, data0);
	UK_TEST_EXPECT_UINT_EQ(nb->len, 100);
	UK_TEST_EXPECT_UINT_EQ(uk_netbuf_tailroom(nb), 256 - 32 - 100);
	/* strip more than the data: refused, unchanged */
	UK_TEST_EXPECT_INT_EQ(uk_netbuf_header(nb, -101), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_netbuf_header(nb, -2147483647 - 1),
			      -EINVAL);
	UK_TEST_EXPECT_PTR_EQ(nb->data, data0);
	UK_TEST_EXPECT_UINT_EQ(nb->len, 100);
	/* strip everything, and zero is a no-op */
	UK_TEST_EXPECT_INT_EQ(uk_netbuf_header(nb, -100), 0);
	UK_TEST_EXPECT_UINT_EQ(nb->len, 0);
	UK_TEST_EXPECT_INT_EQ(uk_netbuf_header(nb, 0), 0);
	UK_TEST_EXPECT_UINT_EQ(uk_netbuf_headroom(nb), 132);
	uk_netbuf_free(nb);
}

UK_TESTCASE(uknetbuf, chain_len_and_free)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct uk_netbuf *h, *m, *t;

	h = uk_netbuf_alloc(a, 128, 0, 0, 0);
	m = uk_netbuf_alloc(a, 128, 0, 0, 0);
	t = uk_netbuf_alloc(a, 128, 0, 0, 0);
	UK_TEST_ASSERT(h && m && t);
	h->len = 10;
	m->len = 20;
	t->len = 30;
	h->next = m;
	m->next = t;
	UK_TEST_EXPECT_UINT_EQ(uk_netbuf_pktlen(h), 60);
	UK_TEST_EXPECT_UINT_EQ(uk_netbuf_pktlen(t), 30);
	UK_TEST_EXPECT_UINT_EQ(uk_netbuf_pktlen(NULL), 0);
	/* a destructor replaces the default free, for each buffer */
	dtor_calls = 0;
	m->dtor = count_dtor;
	t->dtor = count_dtor;
	uk_netbuf_free(h);
	UK_TEST_EXPECT_INT_EQ(dtor_calls, 2);
	uk_netbuf_free(NULL);
}
