#!/usr/bin/env python3
"""The host's side of tests/apps/zlibcheck: make the same buffer with the
same generator and print the lines zlibcheck prints, computed with the
host's zlib (Python's zlib module).

Usage: zlib_ref.py [size=BYTES] [level=0..9] [seed=N]
       zlib_ref.py --inflate HEX [size=...] [seed=...]
           inflate zlibcheck's hex=1 output with the host's zlib and exit 0
           when it gives back the generated buffer.
"""
import sys
import zlib

WORDS = ["kiln", "unikernel", "zlib", "deflate", "inflate", "buffer",
         "the", "a", "of", "library", "image", "boot", "crc", "window",
         "huffman", "match", "literal", "stream", "block", "platform"]
MASK = (1 << 64) - 1


def generate(size, seed):
    out = bytearray()
    x = seed
    count = 0
    while len(out) < size:
        x = (x * 6364136223846793005 + 1442695040888963407) & MASK
        out += WORDS[(x >> 33) % len(WORDS)].encode()
        del out[size:]
        if len(out) < size:
            count += 1
            out.append(ord("\n") if count % 12 == 0 else ord(" "))
    return bytes(out)


def params(args):
    p = {"size": 1 << 20, "level": 6, "seed": 1}
    for a in args:
        name, _, val = a.partition("=")
        p[name] = int(val, 0)
    return p


def main(argv):
    if len(argv) > 2 and argv[1] == "--inflate":
        p = params(argv[3:])
        data = zlib.decompress(bytes.fromhex(argv[2]))
        return 0 if data == generate(p["size"], p["seed"]) else 1
    p = params(argv[1:])
    data = generate(p["size"], p["seed"])
    comp = zlib.compress(data, p["level"])
    print("zlib %s" % zlib.ZLIB_RUNTIME_VERSION)
    print("input bytes=%d crc32=%08x adler32=%08x"
          % (len(data), zlib.crc32(data), zlib.adler32(data)))
    print("compress2 level=%d bytes=%d crc32=%08x"
          % (p["level"], len(comp), zlib.crc32(comp)))
    print("uncompress: ok bytes=%d same=yes" % len(data))
    print("deflate streamed: ok same=yes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
