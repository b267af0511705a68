/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The disk pattern blkcheck writes and verifies, defined per 512-byte
 * unit whatever the device's sector size (unit u covers the bytes
 * [512u, 512u + 512) of the disk). A unit is 64 little-endian 64-bit
 * words:
 *   word 0       u
 *   word 1       the seed
 *   word i >= 2  mix(seed * 0x9e3779b97f4a7c15 + u * 64 + i)
 * with mix(z): z ^= z >> 30; z *= 0xbf58476d1ce4e5b9; z ^= z >> 27;
 * z *= 0x94d049bb133111eb; z ^= z >> 31 (arithmetic modulo 2^64; the
 * SplitMix64 finaliser). Every unit differs from every other and from
 * the same unit under another seed, so a misplaced, stale or torn
 * sector is caught. tests/apps/blkcheck/pattern.py is the host's
 * independent implementation.
 */
#ifndef BLKCHECK_PATTERN_H
#define BLKCHECK_PATTERN_H

#include <stdint.h>

#define PATTERN_UNIT 512

/* Fill @n units starting at unit @u. */
void pattern_fill(void *buf, uint64_t u, uint64_t n, uint64_t seed);

/*
 * Check @n units starting at unit @u: -1 when all match, else the index
 * (from 0) of the first bad unit, whose first bad byte goes to *@byte.
 */
int64_t pattern_check(const void *buf, uint64_t u, uint64_t n, uint64_t seed,
		      unsigned int *byte);

#endif /* BLKCHECK_PATTERN_H */
