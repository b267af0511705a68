/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Seed from the CPU: RDSEED (CPUID.7.0:EBX[18]) where present, else
 * RDRAND (CPUID.1:ECX[30]); each may fail transiently (CF=0), so each word
 * is retried a few times, as Intel's guide advises.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>

static void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ __volatile__("cpuid"
			     : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			     : "a"(leaf), "c"(sub));
}

static int rdseed32(uint32_t *v)
{
	unsigned char ok;

	__asm__ __volatile__("rdseed %0; setc %1" : "=r"(*v), "=qm"(ok));
	return ok;
}

static int rdrand32(uint32_t *v)
{
	unsigned char ok;

	__asm__ __volatile__("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
	return ok;
}

int _uk_random_hw_seed(uint32_t key[8]);

int _uk_random_hw_seed(uint32_t key[8])
{
	int (*get)(uint32_t *) = NULL;
	uint32_t r[4];
	int i, tries;

	cpuid(0, 0, r);
	if (r[0] >= 7) {
		cpuid(7, 0, r);
		if (r[1] & (1U << 18))
			get = rdseed32;
	}
	if (!get) {
		cpuid(1, 0, r);
		if (r[2] & (1U << 30))
			get = rdrand32;
	}
	if (!get)
		return -ENODEV;
	for (i = 0; i < 8; i++) {
		for (tries = 0; tries < 100 && !get(&key[i]); tries++)
			;
		if (tries == 100)
			return -EIO;
	}
	return 0;
}
