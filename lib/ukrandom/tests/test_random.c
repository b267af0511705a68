/* SPDX-License-Identifier: BSD-3-Clause */
/* ukrandom: ChaCha20 against RFC 8439's vector, and the generator. */
#include <errno.h>
#include <string.h>
#include <uk/random.h>
#include <uk/test.h>

UK_TESTCASE(ukrandom, chacha20_rfc8439_vector)
{
	/* RFC 8439 2.3.2: key 00..1f, nonce 00:00:00:09:00:00:00:4a:0... */
	uint32_t key[8], nonce[3] = { 0x09000000, 0x4a000000, 0 };
	static const uint8_t want[16] = {
		0x10, 0xf1, 0xe7, 0xe4, 0xd1, 0x3b, 0x59, 0x15,
		0x50, 0x0f, 0xdd, 0x1f, 0xa3, 0x20, 0x71, 0xc4,
	};
	uint8_t kb[32], out[64];
	int i;

	for (i = 0; i < 32; i++)
		kb[i] = i;
	memcpy(key, kb, 32);
	uk_chacha20_block(key, 1, nonce, out);
	UK_TEST_EXPECT_MEM_EQ(out, want, sizeof(want));
}

UK_TESTCASE(ukrandom, fill_and_getrandom)
{
	uint8_t a[100], b[100], zero[100] = { 0 };

	uk_random_fill(a, sizeof(a));
	uk_random_fill(b, sizeof(b));
	/* two draws differ and are not all zeros */
	UK_TEST_EXPECT(memcmp(a, b, sizeof(a)) != 0);
	UK_TEST_EXPECT(memcmp(a, zero, sizeof(a)) != 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_getrandom(a, 7, 1), 7);
	UK_TEST_EXPECT_INT_EQ(uk_sys_getrandom(a, 7, 0x80), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_sys_getrandom(NULL, 7, 0), -EFAULT);
	UK_TEST_EXPECT_INT_EQ(uk_sys_getrandom(NULL, 0, 0), 0);
}
