/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fuzz the cpio reader (lib/ukcpio/parse.c), the part of the initrd path
 * that sees untrusted bytes. Beyond "no crash, no undefined behaviour",
 * each input checks the contracts of uk/cpio.h:
 *  - every member lies inside the buffer (header, name, data), members
 *    come in increasing offsets, and the loop ends;
 *  - a member's name ends with its NUL, its path is the name without
 *    leading "./", is relative, has no ".." component, fits PATH_MAX and
 *    NAME_MAX;
 *  - a crc (070702) regular file's bytes sum to its check field;
 *  - an error names an offset inside the buffer and a name inside it,
 *    and sticks: the next call returns the same error.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <uk/cpio.h>

#define CHECK(c)                          \
	do {                              \
		if (!(c))                 \
			__builtin_trap(); \
	} while (0)

static int inside(const uint8_t *buf, size_t len, const void *p, size_t n)
{
	const uint8_t *q = p;

	return q >= buf && q <= buf + len && n <= (size_t)(buf + len - q);
}

static void check_path(const struct uk_cpio_entry *e)
{
	const char *p = e->path, *end = e->path + e->pathlen, *c;
	size_t namelen = strlen(e->name);

	CHECK(e->path >= e->name && end == e->name + namelen);
	CHECK(namelen < UK_CPIO_PATH_MAX);
	CHECK(e->name[0] != '/');
	CHECK(!(e->pathlen >= 2 && p[0] == '.' && p[1] == '/'));
	CHECK(!(e->pathlen == 1 && p[0] == '.'));
	while (p < end) {
		c = p;
		while (p < end && *p != '/')
			p++;
		CHECK(p - c <= UK_CPIO_NAME_MAX);
		CHECK(!(p - c == 2 && c[0] == '.' && c[1] == '.'));
		while (p < end && *p == '/')
			p++;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct uk_cpio_reader r;
	struct uk_cpio_entry e, e2;
	size_t last = 0, n = 0, i;
	uint8_t *buf;
	int rc, first = 1;

	/* A copy of exactly @size bytes: ASan catches any read past it. */
	buf = malloc(size ? size : 1);
	CHECK(buf);
	memcpy(buf, data, size);
	uk_cpio_reader_init(&r, buf, size);
	while ((rc = uk_cpio_next(&r, &e)) == 1) {
		CHECK(n++ <= size / 110);
		CHECK(first || e.offset > last);
		first = 0;
		last = e.offset;
		CHECK(inside(buf, size, buf + e.offset, 110));
		CHECK((const uint8_t *)e.name == buf + e.offset + 110);
		CHECK(inside(buf, size, e.name, strlen(e.name) + 1));
		CHECK(inside(buf, size, e.data, e.size));
		check_path(&e);
		if (buf[e.offset + 5] == '2' && (e.mode & 0170000) == 0100000) {
			uint32_t sum = 0;

			for (i = 0; i < e.size; i++)
				sum += ((const uint8_t *)e.data)[i];
			char hex[9];

			memcpy(hex, buf + e.offset + 102, 8);
			hex[8] = '\0';
			CHECK(sum == (uint32_t)strtoul(hex, NULL, 16));
		}
	}
	if (rc < 0) {
		CHECK(rc == -EINVAL || rc == -ENAMETOOLONG || rc == -EPERM);
		CHECK(r.err && r.err_off <= size);
		CHECK(!r.err_name ||
		      inside(buf, size, r.err_name, r.err_namelen));
		CHECK(uk_cpio_next(&r, &e2) == rc);
	} else {
		CHECK(rc == 0);
		CHECK(uk_cpio_next(&r, &e2) == 0);
	}
	free(buf);
	return 0;
}
