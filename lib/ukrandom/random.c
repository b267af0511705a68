/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The generator: a ChaCha20 key and a counter. Each request takes
 * keystream blocks and then replaces the key with a fresh block (fast key
 * erasure), so the state after a call reveals nothing of earlier output.
 * Seeded once at boot (an early init) from the CPU's RDSEED/RDRAND, else
 * from the TSC jitter of the boot with a warning.
 */
#include <errno.h>
#include <string.h>
#include <uk/init.h>
#include <uk/print.h>
#include <uk/random.h>
#include <uk/plat/time.h>

/* Hardware seed: 0 and 32 bytes in @key, or -ENODEV (seed_x86_64.c). */
int _uk_random_hw_seed(uint32_t key[8]);

static struct {
	uint32_t key[8];
	uint32_t nonce[3];
	uint32_t counter;
	int seeded, hw;
} rng;

static void seed_weak(void)
{
	__nsec t;
	int i, j;

	/* Timing of the clock reads themselves varies: mix many of them. */
	for (i = 0; i < 8; i++) {
		for (j = 0; j < 64; j++) {
			t = uk_plat_monotonic_ns();
			rng.key[i] = (rng.key[i] << 5 | rng.key[i] >> 27) ^
				     (uint32_t)t ^ (uint32_t)(t >> 32);
		}
	}
	t = uk_plat_wall_ns();
	rng.nonce[0] = (uint32_t)t;
	rng.nonce[1] = (uint32_t)(t >> 32);
}

static void seed(void)
{
	if (_uk_random_hw_seed(rng.key) == 0) {
		rng.hw = 1;
	} else {
		seed_weak();
		uk_pr_warn("random: no RDSEED/RDRAND: seeded from timing only, not fit for keys");
	}
	rng.seeded = 1;
}

int uk_random_hw_seeded(void)
{
	return rng.hw;
}

void uk_random_fill(void *buf, size_t len)
{
	uint8_t block[64], *p = buf;
	size_t n;

	if (!rng.seeded)
		seed();
	while (len) {
		uk_chacha20_block(rng.key, rng.counter++, rng.nonce, block);
		n = MIN(len, sizeof(block));
		memcpy(p, block, n);
		p += n;
		len -= n;
	}
	/* Fast key erasure: the next key is keystream nobody saw. */
	uk_chacha20_block(rng.key, rng.counter++, rng.nonce, block);
	memcpy(rng.key, block, sizeof(rng.key));
	memset(block, 0, sizeof(block));
}

long uk_sys_getrandom(void *buf, size_t len, unsigned int flags)
{
	if (flags & ~7U)
		return -EINVAL;
	if (len && !buf)
		return -EFAULT;
	if (len > 0x1ffffff)
		len = 0x1ffffff;	/* Linux's per-call cap (32 MiB - 1) */
	uk_random_fill(buf, len);
	return len;
}

static int random_init(void)
{
	if (!rng.seeded)
		seed();
	return 0;
}

uk_early_initcall(random_init, NULL);
