/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukrandom: the image's cryptographic random numbers (ChaCha20 in
 * fast-key-erasure mode), seeded at boot from the CPU's RDSEED/RDRAND
 * where it has them, else from the TSC and boot timing with a warning
 * (then the output is not fit for keys).
 */
#ifndef UK_RANDOM_H
#define UK_RANDOM_H

#include <stddef.h>
#include <stdint.h>

/* Fill @buf with @len random bytes. Never fails, never blocks. */
void uk_random_fill(void *buf, size_t len);

/* Whether the seed came from a hardware source. */
int uk_random_hw_seeded(void);

/*
 * getrandom(2): @flags GRND_NONBLOCK (1), GRND_RANDOM (2) and
 * GRND_INSECURE (4) are accepted and change nothing (the pool is always
 * ready). @return @len, -EINVAL for unknown flags, -EFAULT.
 */
long uk_sys_getrandom(void *buf, size_t len, unsigned int flags);

/* The ChaCha20 block function (RFC 8439), for the tests. */
void uk_chacha20_block(const uint32_t key[8], uint32_t counter,
		       const uint32_t nonce[3], uint8_t out[64]);

#endif /* UK_RANDOM_H */
