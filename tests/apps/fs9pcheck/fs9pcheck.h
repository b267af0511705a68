/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef FS9PCHECK_H
#define FS9PCHECK_H

#include <stddef.h>
#include <stdint.h>

/* Where the share is mounted (the app's defconfig / vfs.mount). */
#define HOST "/host"

/* Count a failure unless @got == @want; print either way. */
int fc_expect(const char *what, long got, long want);
/* The byte at @off of the pattern files (the test computes it too). */
static inline uint8_t fc_pattern(uint64_t off)
{
	return (uint8_t)((off * 7 + off / 251 + 3) & 0xff);
}
const char *fc_err(long rc);

int fc_check(void);
int fc_gone(void);
int fc_bench(int argc, char *argv[]);

extern int fc_failures;

#endif /* FS9PCHECK_H */
