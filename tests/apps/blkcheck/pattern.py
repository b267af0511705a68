#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""The host's own implementation of blkcheck's disk pattern (pattern.h),
written from its definition, to check what the guest wrote or to write
what the guest must then find.

Usage: pattern.py check IMAGE [--seed S] [--start U] [--units N]
       pattern.py write IMAGE [--seed S] [--start U] [--units N]
Units are 512 bytes; the default range is the whole image. check exits 0
when every unit holds the pattern, else 1 naming the first bad unit.
"""

import argparse
import struct
import sys

M64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def unit(u, seed):
    base = (seed * GOLDEN + u * 64) & M64
    words = [u, seed] + [mix((base + i) & M64) for i in range(2, 64)]
    return struct.pack("<64Q", *words)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=["check", "write"])
    ap.add_argument("image")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--units", type=int)
    a = ap.parse_args()
    with open(a.image, "r+b" if a.action == "write" else "rb") as f:
        f.seek(0, 2)
        size = f.tell()
        n = a.units if a.units is not None else size // 512 - a.start
        if a.start < 0 or n < 0 or (a.start + n) * 512 > size:
            sys.exit(f"pattern.py: units {a.start}+{n} are outside "
                     f"{a.image} ({size} bytes)")
        f.seek(a.start * 512)
        if a.action == "write":
            for u in range(a.start, a.start + n):
                f.write(unit(u, a.seed))
            return
        data = f.read(n * 512)
    for k in range(n):
        u = a.start + k
        got = data[k * 512:(k + 1) * 512]
        want = unit(u, a.seed)
        if got != want:
            b = next(i for i in range(512) if got[i] != want[i])
            print(f"pattern.py: {a.image}: unit {u} (byte {u * 512 + b}) "
                  f"does not hold the pattern of seed {a.seed}")
            sys.exit(1)
    print(f"pattern.py: {a.image}: units {a.start}..{a.start + n - 1} "
          f"hold the pattern of seed {a.seed}")


if __name__ == "__main__":
    main()
