/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * zlibcheck: exercise the zlib port (tests/ports/libzlib) on a generated
 * buffer and print what the host's zlib must agree with (tests/zlib_ref.py
 * makes the same buffer and the same lines with Python's zlib module):
 * the buffer's CRC-32 and Adler-32, the one-shot compress2() output (its
 * size and CRC-32: the same zlib version gives the same bytes) and its
 * inflation, then a deflate streamed through a small output window and
 * its inflation, and a corrupted stream, which must be refused.
 *
 * Arguments: [size=BYTES] [level=0..9] [seed=N] [hex=1]
 * hex=1 also prints the compress2() output in hex, for the host to inflate.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

struct params {
	unsigned long size;
	int level;
	unsigned long long seed;
	int hex;
};

/*
 * Text-like data, so that compression has something to find: words of a
 * small vocabulary picked by a 64-bit LCG (Knuth's MMIX constants), a
 * newline after every 12th word. The Python twin must match exactly.
 */
static void generate(unsigned char *buf, unsigned long size,
		     unsigned long long seed)
{
	static const char *const words[] = {
		"kiln", "unikernel", "zlib", "deflate", "inflate", "buffer",
		"the", "a", "of", "library", "image", "boot", "crc", "window",
		"huffman", "match", "literal", "stream", "block", "platform",
	};
	const unsigned long nwords = sizeof(words) / sizeof(words[0]);
	unsigned long long x = seed;
	unsigned long pos = 0, count = 0;

	while (pos < size) {
		const char *w;
		size_t len;

		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		w = words[(x >> 33) % nwords];
		len = strlen(w);
		for (size_t i = 0; i < len && pos < size; i++)
			buf[pos++] = (unsigned char)w[i];
		if (pos < size)
			buf[pos++] = (++count % 12 == 0) ? '\n' : ' ';
	}
}

static int parse_args(int argc, char *argv[], struct params *p)
{
	for (int i = 1; i < argc; i++) {
		char *end;
		unsigned long long v;
		const char *val = strchr(argv[i], '=');

		if (!val) {
			fprintf(stderr, "zlibcheck: %s: expected name=value\n",
				argv[i]);
			return -EINVAL;
		}
		val++;
		errno = 0;
		v = strtoull(val, &end, 0);
		if (errno || end == val || *end) {
			fprintf(stderr, "zlibcheck: %s: not a number\n",
				argv[i]);
			return -EINVAL;
		}
		if (!strncmp(argv[i], "size=", 5) && v > 0 && v <= 64UL << 20)
			p->size = v;
		else if (!strncmp(argv[i], "level=", 6) && v <= 9)
			p->level = (int)v;
		else if (!strncmp(argv[i], "seed=", 5))
			p->seed = v;
		else if (!strncmp(argv[i], "hex=", 4) && v <= 1)
			p->hex = (int)v;
		else {
			fprintf(stderr, "zlibcheck: %s: unknown or out of range "
				"(size=1..64M level=0..9 seed=N hex=0|1)\n", argv[i]);
			return -EINVAL;
		}
	}
	return 0;
}

/* Deflate through a 1000-byte output window, as a program streaming to a
 * socket would; returns the compressed size or a negative zlib code. */
static long deflate_streamed(const unsigned char *in, unsigned long size,
			     int level, unsigned char *out,
			     unsigned long outsize)
{
	unsigned char window[1000];
	unsigned long total = 0;
	z_stream s;
	int rc;

	memset(&s, 0, sizeof(s));
	rc = deflateInit(&s, level);
	if (rc != Z_OK)
		return rc;
	s.next_in = (unsigned char *)in;
	s.avail_in = (uInt)size;
	do {
		s.next_out = window;
		s.avail_out = sizeof(window);
		rc = deflate(&s, Z_FINISH);
		if (rc == Z_STREAM_ERROR)
			break;
		unsigned long got = sizeof(window) - s.avail_out;

		if (total + got > outsize) {
			rc = Z_BUF_ERROR;
			break;
		}
		memcpy(out + total, window, got);
		total += got;
	} while (rc != Z_STREAM_END);
	deflateEnd(&s);
	return rc == Z_STREAM_END ? (long)total : (rc < 0 ? rc : Z_BUF_ERROR);
}

int main(int argc, char *argv[])
{
	struct params p = { .size = 1UL << 20, .level = 6, .seed = 1 };
	unsigned char *in, *out, *back;
	uLongf outlen, backlen;
	unsigned long bound;
	long streamed;
	int rc, status = 1;

	if (parse_args(argc, argv, &p))
		return 2;
	bound = compressBound(p.size);
	in = malloc(p.size);
	out = malloc(bound);
	back = malloc(p.size);
	if (!in || !out || !back) {
		fprintf(stderr, "zlibcheck: out of memory for %lu bytes\n",
			p.size);
		goto out_free;
	}
	printf("zlib %s\n", zlibVersion());
	generate(in, p.size, p.seed);
	printf("input bytes=%lu crc32=%08lx adler32=%08lx\n", p.size,
	       crc32(0, in, (uInt)p.size), adler32(1, in, (uInt)p.size));

	outlen = bound;
	rc = compress2(out, &outlen, in, p.size, p.level);
	if (rc != Z_OK) {
		printf("compress2: %s\n", zError(rc));
		goto out_free;
	}
	printf("compress2 level=%d bytes=%lu crc32=%08lx\n", p.level,
	       (unsigned long)outlen, crc32(0, out, (uInt)outlen));
	if (p.hex) {
		printf("compressed=");
		for (uLongf i = 0; i < outlen; i++)
			printf("%02x", out[i]);
		printf("\n");
	}
	backlen = p.size;
	rc = uncompress(back, &backlen, out, outlen);
	printf("uncompress: %s bytes=%lu same=%s\n",
	       rc == Z_OK ? "ok" : zError(rc),
	       (unsigned long)backlen,
	       rc == Z_OK && backlen == p.size &&
	       !memcmp(in, back, p.size) ? "yes" : "no");
	if (rc != Z_OK || backlen != p.size || memcmp(in, back, p.size))
		goto out_free;

	streamed = deflate_streamed(in, p.size, p.level, out, bound);
	if (streamed < 0) {
		printf("deflate (streamed): %s\n", zError((int)streamed));
		goto out_free;
	}
	/* Its bytes depend on the output window at level 0 (stored blocks
	 * are cut where the window ends), so it is checked by inflating. */
	backlen = p.size;
	rc = uncompress(back, &backlen, out, (uLong)streamed);
	printf("deflate streamed: %s same=%s\n",
	       rc == Z_OK ? "ok" : zError(rc),
	       rc == Z_OK && backlen == p.size &&
	       !memcmp(in, back, p.size) ? "yes" : "no");
	if (rc != Z_OK || backlen != p.size || memcmp(in, back, p.size))
		goto out_free;

	/* A flipped bit in the middle of the stream is detected, not
	 * silently decoded into other data. */
	out[streamed / 2] ^= 0x10;
	backlen = p.size;
	rc = uncompress(back, &backlen, out, (uLong)streamed);
	printf("corrupted: %s\n", rc == Z_OK ? "accepted" : zError(rc));
	if (rc == Z_OK)
		goto out_free;

	printf("zlibcheck: ok\n");
	status = 0;
out_free:
	free(back);
	free(out);
	free(in);
	return status;
}
