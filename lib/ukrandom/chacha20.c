/* SPDX-License-Identifier: BSD-3-Clause */
/* The ChaCha20 block function, as RFC 8439 section 2.3 defines it. */
#include <string.h>
#include <uk/random.h>

#define ROTL(v, n) (((v) << (n)) | ((v) >> (32 - (n))))
#define QR(a, b, c, d)                                                       \
	do {                                                                 \
		a += b; d ^= a; d = ROTL(d, 16);                             \
		c += d; b ^= c; b = ROTL(b, 12);                             \
		a += b; d ^= a; d = ROTL(d, 8);                              \
		c += d; b ^= c; b = ROTL(b, 7);                              \
	} while (0)

void uk_chacha20_block(const uint32_t key[8], uint32_t counter,
		       const uint32_t nonce[3], uint8_t out[64])
{
	uint32_t s[16], x[16];
	int i;

	s[0] = 0x61707865;	/* "expand 32-byte k" */
	s[1] = 0x3320646e;
	s[2] = 0x79622d32;
	s[3] = 0x6b206574;
	memcpy(&s[4], key, 32);
	s[12] = counter;
	memcpy(&s[13], nonce, 12);
	memcpy(x, s, sizeof(x));
	for (i = 0; i < 10; i++) {
		QR(x[0], x[4], x[8], x[12]);
		QR(x[1], x[5], x[9], x[13]);
		QR(x[2], x[6], x[10], x[14]);
		QR(x[3], x[7], x[11], x[15]);
		QR(x[0], x[5], x[10], x[15]);
		QR(x[1], x[6], x[11], x[12]);
		QR(x[2], x[7], x[8], x[13]);
		QR(x[3], x[4], x[9], x[14]);
	}
	for (i = 0; i < 16; i++) {
		uint32_t v = x[i] + s[i];

		out[4 * i] = v;
		out[4 * i + 1] = v >> 8;
		out[4 * i + 2] = v >> 16;
		out[4 * i + 3] = v >> 24;
	}
}
