/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The cpio reader: newc (070701) and crc (070702) headers, checked
 * against the buffer before anything is believed. Freestanding on
 * purpose (no allocation, no kernel call): the same file is built into
 * images and into the host fuzzer (tests/fuzz/cpio).
 *
 * A header is 6 bytes of magic and 13 fields of 8 hexadecimal digits:
 * ino mode uid gid nlink mtime filesize devmajor devminor rdevmajor
 * rdevminor namesize check. The name (namesize bytes, its NUL included)
 * follows, padded so that the next byte is 4-aligned; then the data,
 * padded the same way. Alignment counts from the start of the buffer.
 */
#include <errno.h>
#include <string.h>
#include <uk/cpio.h>

#define HDR_LEN 110
#define MAGIC_LEN 6
#define FIELD_LEN 8
#define TRAILER "TRAILER!!!"

enum {
	F_INO,
	F_MODE,
	F_UID,
	F_GID,
	F_NLINK,
	F_MTIME,
	F_FILESIZE,
	F_DEVMAJOR,
	F_DEVMINOR,
	F_RDEVMAJOR,
	F_RDEVMINOR,
	F_NAMESIZE,
	F_CHECK,
	F_COUNT
};

/* r->state: reading an archive, between two, finished; < 0: failed. */
enum { ST_ARCHIVE, ST_BETWEEN, ST_END };

#define S_IFMT_ 0170000
#define S_IFREG_ 0100000

void uk_cpio_reader_init(struct uk_cpio_reader *r, const void *buf, size_t len)
{
	memset(r, 0, sizeof(*r));
	r->buf = buf;
	r->len = len;
	r->state = ST_ARCHIVE;
}

static size_t align4(size_t v)
{
	return (v + 3) & ~(size_t)3;
}

static int fail(struct uk_cpio_reader *r, int rc, const char *why, size_t off)
{
	r->err = why;
	r->err_off = off;
	r->state = rc;
	return rc;
}

/* Eight hexadecimal digits, either case; -1 for anything else. */
static int hex8(const unsigned char *p, uint32_t *out)
{
	uint32_t v = 0;
	int i, d;

	for (i = 0; i < FIELD_LEN; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			d = p[i] - '0';
		else if (p[i] >= 'a' && p[i] <= 'f')
			d = p[i] - 'a' + 10;
		else if (p[i] >= 'A' && p[i] <= 'F')
			d = p[i] - 'A' + 10;
		else
			return -1;
		v = (v << 4) | (uint32_t)d;
	}
	*out = v;
	return 0;
}

/*
 * Check a name and find its path (the name without leading "./"):
 * relative, no ".." component, components of at most NAME_MAX bytes.
 */
static int check_name(struct uk_cpio_reader *r, struct uk_cpio_entry *e,
		      size_t namelen)
{
	const char *p = e->name, *end = e->name + namelen, *c;

	if (namelen >= UK_CPIO_PATH_MAX)
		return fail(r, -ENAMETOOLONG, "name longer than PATH_MAX",
			    e->offset);
	if (*p == '/')
		return fail(
			r, -EPERM,
			"absolute name (the archive must hold relative paths)",
			e->offset);
	/* Leading "." components ("./a", ".", "././a") name the top. */
	while (p < end && p[0] == '.' && (p + 1 == end || p[1] == '/')) {
		p++;
		while (p < end && *p == '/')
			p++;
	}
	e->path = p;
	e->pathlen = (size_t)(end - p);
	for (c = p; c < end; c = p) {
		while (p < end && *p != '/')
			p++;
		if (p - c == 2 && c[0] == '.' && c[1] == '.')
			return fail(r, -EPERM,
				    "'..' in the name (it would leave the "
				    "folder it is unpacked into)",
				    e->offset);
		if (p - c > UK_CPIO_NAME_MAX)
			return fail(r, -ENAMETOOLONG,
				    "a component of the name is longer than "
				    "NAME_MAX",
				    e->offset);
		while (p < end && *p == '/')
			p++;
	}
	return 0;
}

/* Between archives: skip NUL padding; 1 if another archive follows. */
static int next_archive(struct uk_cpio_reader *r)
{
	while (r->off < r->len && r->buf[r->off] == '\0')
		r->off++;
	if (r->off == r->len) {
		r->state = ST_END;
		return 0;
	}
	if (r->off & 3)
		return fail(r, -EINVAL,
			    "bytes after the trailer that start no archive "
			    "(not 4-aligned)",
			    r->off);
	r->state = ST_ARCHIVE;
	return 1;
}

/*
 * One header at r->off into *@e: 1 for a member, 2 for a trailer, or
 * a negative errno.
 */
static int read_entry(struct uk_cpio_reader *r, struct uk_cpio_entry *e)
{
	const unsigned char *h;
	uint32_t f[F_COUNT], sum;
	size_t off, left, namelen, i;
	int crc, rc;

	memset(e, 0, sizeof(*e));
	r->nr++;
	off = r->off;
	e->offset = off;
	r->err_name = NULL;
	r->err_namelen = 0;
	left = r->len - off;
	if (left < HDR_LEN)
		return fail(r, -EINVAL,
			    left ? "truncated header"
				 : "archive ends without a TRAILER!!! entry",
			    off);
	h = r->buf + off;
	if (memcmp(h, "07070", 5) || (h[5] != '1' && h[5] != '2'))
		return fail(r, -EINVAL,
			    "bad magic (not a newc/crc cpio header)", off);
	crc = h[5] == '2';
	for (i = 0; i < F_COUNT; i++)
		if (hex8(h + MAGIC_LEN + i * FIELD_LEN, &f[i]))
			return fail(r, -EINVAL,
				    "header field is not 8 hexadecimal digits",
				    off);

	/* The name: namesize bytes with the NUL, inside the buffer. */
	left -= HDR_LEN;
	namelen = f[F_NAMESIZE];
	e->name = (const char *)h + HDR_LEN;
	r->err_name = e->name;
	r->err_namelen = (namelen < left ? namelen : left);
	if (namelen == 0)
		return fail(r, -EINVAL, "name size is 0", off);
	if (namelen > left) {
		/* Name the entry by what there is of it. */
		return fail(r, -EINVAL, "truncated name", off);
	}
	namelen--;
	if (e->name[namelen] != '\0' || memchr(e->name, '\0', namelen)) {
		r->err_namelen = namelen;
		return fail(r, -EINVAL, "name size does not match the name",
			    off);
	}
	r->err_namelen = namelen;
	if (namelen == 0)
		return fail(r, -EINVAL, "empty name", off);

	e->ino = f[F_INO];
	e->mode = f[F_MODE];
	e->uid = f[F_UID];
	e->gid = f[F_GID];
	e->nlink = f[F_NLINK];
	e->mtime = f[F_MTIME];
	e->devmajor = f[F_DEVMAJOR];
	e->devminor = f[F_DEVMINOR];
	e->rdevmajor = f[F_RDEVMAJOR];
	e->rdevminor = f[F_RDEVMINOR];
	e->size = f[F_FILESIZE];

	/*
	 * The data, after the padded name. Padding at the very end may be
	 * cut (an empty member, the trailer, needs none of it).
	 */
	off = align4(off + HDR_LEN + namelen + 1);
	if (e->size == 0 && off > r->len)
		off = r->len;
	if (off > r->len || r->len - off < e->size)
		return fail(
			r, -EINVAL,
			"truncated data (the archive ends inside the member)",
			e->offset);
	e->data = r->buf + off;
	r->off = align4(off + e->size);
	if (r->off > r->len)
		r->off = r->len;

	if (namelen == sizeof(TRAILER) - 1 &&
	    !memcmp(e->name, TRAILER, namelen))
		return 2;
	rc = check_name(r, e, namelen);
	if (rc < 0)
		return rc;

	/* crc: the check field is the sum of the data bytes (files only). */
	if (crc && (e->mode & S_IFMT_) == S_IFREG_) {
		const unsigned char *d = e->data;

		sum = 0;
		for (i = 0; i < e->size; i++)
			sum += d[i];
		if (sum != f[F_CHECK])
			return fail(r, -EINVAL,
				    "checksum mismatch (070702 archive)",
				    e->offset);
	}
	return 1;
}

int uk_cpio_next(struct uk_cpio_reader *r, struct uk_cpio_entry *e)
{
	int rc;

	/* An empty buffer is an empty archive (no initrd at all). */
	if (r->state == ST_ARCHIVE && r->len == 0)
		r->state = ST_END;
	for (;;) {
		if (r->state < 0)
			return r->state;
		if (r->state == ST_END)
			return 0;
		if (r->state == ST_BETWEEN) {
			rc = next_archive(r);
			if (rc <= 0)
				return rc;
		}
		rc = read_entry(r, e);
		if (rc != 2)
			return rc;
		r->state = ST_BETWEEN;
	}
}
