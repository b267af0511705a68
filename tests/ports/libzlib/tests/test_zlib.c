/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The zlib port's uktest cases: what a port must show before an
 * application trusts it (known answers, a round trip, and errors for bad
 * input rather than crashes).
 */
#include <string.h>
#include <uk/test.h>
#include <zlib.h>

/* The check values of the CRC-32 and Adler-32 definitions. */
UK_TESTCASE(zlib, known_checksums)
{
	const unsigned char *s = (const unsigned char *)"123456789";

	UK_TEST_EXPECT_INT_EQ(crc32(0, s, 9), 0xcbf43926UL);
	UK_TEST_EXPECT_INT_EQ(adler32(1, s, 9), 0x091e01deUL);
	/* before: nothing; after: the empty input keeps the seed */
	UK_TEST_EXPECT_INT_EQ(crc32(0, Z_NULL, 0), 0);
	UK_TEST_EXPECT_INT_EQ(adler32(0, Z_NULL, 0), 1);
}

UK_TESTCASE(zlib, round_trip)
{
	static unsigned char in[4096], comp[4200], out[4096];
	uLongf clen = sizeof(comp), olen = sizeof(out);

	for (size_t i = 0; i < sizeof(in); i++)
		in[i] = (unsigned char)("kiln zlib "[i % 10]);
	UK_TEST_ASSERT_INT_EQ(compress2(comp, &clen, in, sizeof(in), 9), Z_OK);
	UK_TEST_EXPECT(clen < sizeof(in) / 10);
	UK_TEST_ASSERT_INT_EQ(uncompress(out, &olen, comp, clen), Z_OK);
	UK_TEST_EXPECT_INT_EQ(olen, sizeof(in));
	UK_TEST_EXPECT(!memcmp(in, out, sizeof(in)));
}

/* Output space too small: an error, and nothing written past it. */
UK_TESTCASE(zlib, output_too_small)
{
	static unsigned char in[1024], comp[8];
	uLongf clen = sizeof(comp) - 1;

	memset(in, 'x', sizeof(in));
	comp[sizeof(comp) - 1] = 0xa5;
	UK_TEST_EXPECT_INT_EQ(compress(comp, &clen, in, sizeof(in)),
			      Z_BUF_ERROR);
	UK_TEST_EXPECT_INT_EQ(comp[sizeof(comp) - 1], 0xa5);
}

UK_TESTCASE(zlib, corrupt_input)
{
	static const unsigned char junk[] = { 0x78, 0x9c, 0xff, 0xff, 0xff };
	unsigned char out[64];
	uLongf olen = sizeof(out);

	UK_TEST_EXPECT_INT_EQ(uncompress(out, &olen, junk, sizeof(junk)),
			      Z_DATA_ERROR);
	olen = sizeof(out);
	/* A header that is not zlib's at all. */
	UK_TEST_EXPECT_INT_EQ(uncompress(out, &olen,
					 (const unsigned char *)"hello", 5),
			      Z_DATA_ERROR);
}
