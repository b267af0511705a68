/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukcpio: the reader on archives built here field by field, and the
 * extraction into the ramfs root (under /ukcpio-*, one folder per case).
 * The host-side counterparts are tests/fuzz/cpio (the reader) and
 * tests/cases/67-initrd.sh (archives made by GNU cpio, at boot).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <uk/cpio.h>
#include <uk/fdtab.h>
#include <uk/test.h>
#include <uk/vfs_sys.h>

#define ARCHIVE_MAX (16 * 1024)
#define NEWC (~0U) /* @check of add(): a newc member, not crc */
#define MTIME 1700000000U

struct ar {
	char buf[ARCHIVE_MAX];
	size_t len;
};

/*
 * Append one member: newc, or crc with @check as its check field. The
 * caller's archive is large enough for every case (asserted by them).
 */
static void add(struct ar *a, const char *name, unsigned int mode,
		const char *data, size_t size, unsigned int ino,
		unsigned int nlink, unsigned int check)
{
	size_t namesize = strlen(name) + 1;
	char hdr[111];

	if (a->len + 110 + namesize + size + 8 > ARCHIVE_MAX)
		return;
	/* "0707" then "01" or "02": the six-digit magic. */
	snprintf(hdr, sizeof(hdr),
		 "0707%02X%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%"
		 "08X",
		 check == NEWC ? 1 : 2, ino, mode, 0, 0, nlink, MTIME, size, 0,
		 0, 0, 0, namesize, check == NEWC ? 0 : check);
	memcpy(a->buf + a->len, hdr, 110);
	a->len += 110;
	memcpy(a->buf + a->len, name, namesize);
	a->len = (a->len + namesize + 3) & ~(size_t)3;
	memcpy(a->buf + a->len, data, size);
	a->len = (a->len + size + 3) & ~(size_t)3;
}

static void trailer(struct ar *a)
{
	add(a, "TRAILER!!!", 0, "", 0, 0, 1, NEWC);
}

static struct ar *ar_new(void)
{
	return calloc(1, sizeof(struct ar));
}

/* The reader's first error on @a (0: the archive is good). */
static int first_error(const struct ar *a, size_t len, struct uk_cpio_reader *r)
{
	struct uk_cpio_entry e;
	int rc;

	uk_cpio_reader_init(r, a->buf, len);
	while ((rc = uk_cpio_next(r, &e)) == 1)
		;
	return rc;
}

UK_TESTCASE(ukcpio, parse_newc)
{
	struct ar *a = ar_new();
	struct uk_cpio_reader r;
	struct uk_cpio_entry e;

	UK_TEST_ASSERT_NOT_NULL(a);
	add(a, ".", S_IFDIR | 0755, "", 0, 1, 2, NEWC);
	add(a, "./etc", S_IFDIR | 0750, "", 0, 2, 2, NEWC);
	add(a, "etc/motd", S_IFREG | 0640, "hello\n", 6, 3, 1, NEWC);
	trailer(a);

	uk_cpio_reader_init(&r, a->buf, a->len);
	UK_TEST_ASSERT_INT_EQ(uk_cpio_next(&r, &e), 1);
	UK_TEST_EXPECT_STR_EQ(e.name, ".");
	UK_TEST_EXPECT_UINT_EQ(e.pathlen, 0);
	UK_TEST_EXPECT_UINT_EQ(e.offset, 0);
	UK_TEST_ASSERT_INT_EQ(uk_cpio_next(&r, &e), 1);
	UK_TEST_EXPECT_STR_EQ(e.path, "etc");
	UK_TEST_EXPECT_UINT_EQ(e.mode, S_IFDIR | 0750);
	UK_TEST_ASSERT_INT_EQ(uk_cpio_next(&r, &e), 1);
	UK_TEST_EXPECT_STR_EQ(e.path, "etc/motd");
	UK_TEST_EXPECT_UINT_EQ(e.size, 6);
	UK_TEST_EXPECT_MEM_EQ(e.data, "hello\n", 6);
	UK_TEST_EXPECT_UINT_EQ(e.mtime, MTIME);
	UK_TEST_EXPECT_UINT_EQ(e.ino, 3);
	/* the trailer ends it, and the end stays the end */
	UK_TEST_EXPECT_INT_EQ(uk_cpio_next(&r, &e), 0);
	UK_TEST_EXPECT_INT_EQ(uk_cpio_next(&r, &e), 0);
	free(a);
}

UK_TESTCASE(ukcpio, parse_crc_and_concatenated)
{
	struct ar *a = ar_new();
	struct uk_cpio_reader r;
	struct uk_cpio_entry e;
	int n = 0;

	UK_TEST_ASSERT_NOT_NULL(a);
	/* 'a' + 'b' + 'c' = 294 */
	add(a, "f", S_IFREG | 0644, "abc", 3, 1, 1, 294);
	trailer(a);
	a->len += 512; /* NUL padding, as cpio -o leaves */
	add(a, "g", S_IFREG | 0644, "x", 1, 1, 1, NEWC);
	trailer(a);
	uk_cpio_reader_init(&r, a->buf, a->len);
	while (uk_cpio_next(&r, &e) == 1)
		n++;
	UK_TEST_EXPECT_INT_EQ(n, 2);
	UK_TEST_EXPECT_INT_EQ(first_error(a, a->len, &r), 0);

	/* a wrong sum is refused at that member */
	a->len = 0;
	add(a, "f", S_IFREG | 0644, "abc", 3, 1, 1, 295);
	trailer(a);
	UK_TEST_EXPECT_INT_EQ(first_error(a, a->len, &r), -EINVAL);
	UK_TEST_EXPECT_UINT_EQ(r.err_off, 0);
	UK_TEST_EXPECT_UINT_EQ(r.err_namelen, 1);
	free(a);
}

/* Every cut of a good archive is an error, never an entry past the end. */
UK_TESTCASE(ukcpio, parse_every_truncation)
{
	struct ar *a = ar_new();
	struct uk_cpio_reader r;
	struct uk_cpio_entry e;
	size_t len;
	int rc;

	UK_TEST_ASSERT_NOT_NULL(a);
	add(a, "d", S_IFDIR | 0755, "", 0, 1, 2, NEWC);
	add(a, "d/file", S_IFREG | 0644, "0123456789", 10, 2, 1, NEWC);
	add(a, "d/link", S_IFLNK | 0777, "file", 4, 3, 1, NEWC);
	trailer(a);
	for (len = 1; len < a->len; len++) {
		uk_cpio_reader_init(&r, a->buf, len);
		while ((rc = uk_cpio_next(&r, &e)) == 1)
			UK_TEST_EXPECT((const char *)e.data + e.size <=
				       a->buf + len);
		/* the last member's padding alone may be cut */
		if (len < a->len - 3)
			UK_TEST_EXPECT_INT_EQ(rc, -EINVAL);
		UK_TEST_EXPECT(r.err_off <= len);
	}
	/* an empty buffer is an empty archive */
	UK_TEST_EXPECT_INT_EQ(first_error(a, 0, &r), 0);
	free(a);
}

UK_TESTCASE(ukcpio, parse_refuses_unsafe_names)
{
	static const struct {
		const char *name;
		int rc;
	} cases[] = {
		{ "..", -EPERM },
		{ "../x", -EPERM },
		{ "a/../../x", -EPERM },
		{ "./a/..", -EPERM },
		{ "/etc/passwd", -EPERM },
		{ "a/..b/c", 1 }, /* "..b" is a name */
		{ "a/./b", 1 },
	};
	struct ar *a = ar_new();
	struct uk_cpio_reader r;
	struct uk_cpio_entry e;
	char *longname;
	unsigned int i;

	UK_TEST_ASSERT_NOT_NULL(a);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		a->len = 0;
		add(a, cases[i].name, S_IFREG | 0644, "", 0, 1, 1, NEWC);
		trailer(a);
		uk_cpio_reader_init(&r, a->buf, a->len);
		UK_TEST_EXPECT_INT_EQ(uk_cpio_next(&r, &e), cases[i].rc);
	}
	/* PATH_MAX bytes with the NUL is one too many; NAME_MAX + 1 too */
	longname = malloc(PATH_MAX + 1);
	UK_TEST_ASSERT_NOT_NULL(longname);
	for (i = 0; i < PATH_MAX; i++)
		longname[i] = (i % 2) ? '/' : 'n';
	longname[PATH_MAX] = '\0';
	a->len = 0;
	add(a, longname, S_IFREG | 0644, "", 0, 1, 1, NEWC);
	UK_TEST_EXPECT_INT_EQ(first_error(a, a->len, &r), -ENAMETOOLONG);
	longname[PATH_MAX - 2] = '\0'; /* 4094 bytes: fits */
	a->len = 0;
	add(a, longname, S_IFREG | 0644, "", 0, 1, 1, NEWC);
	trailer(a);
	UK_TEST_EXPECT_INT_EQ(first_error(a, a->len, &r), 0);
	memset(longname, 'c', NAME_MAX + 1);
	longname[NAME_MAX + 1] = '\0';
	a->len = 0;
	add(a, longname, S_IFREG | 0644, "", 0, 1, 1, NEWC);
	UK_TEST_EXPECT_INT_EQ(first_error(a, a->len, &r), -ENAMETOOLONG);
	free(longname);
	free(a);
}

static int stat_of(const char *path, struct stat *st)
{
	return uk_sys_newfstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

static long read_file(const char *path, char *buf, size_t len)
{
	long fd = uk_sys_openat(AT_FDCWD, path, O_RDONLY, 0), n;

	if (fd < 0)
		return fd;
	n = uk_sys_read(fd, buf, len);
	uk_sys_close(fd);
	return n;
}

UK_TESTCASE(ukcpio, extract_tree)
{
	struct ar *a = ar_new();
	struct uk_cpio_reader r;
	struct stat st, st2;
	char buf[32];
	long n;

	UK_TEST_ASSERT_NOT_NULL(a);
	UK_TEST_ASSERT_INT_EQ(uk_sys_mkdirat(AT_FDCWD, "/ukcpio-tree", 0755),
			      0);
	add(a, ".", S_IFDIR | 0700, "", 0, 1, 3, NEWC);
	add(a, "d", S_IFDIR | 0751, "", 0, 2, 2, NEWC);
	add(a, "d/f", S_IFREG | 0640, "data", 4, 3, 1, NEWC);
	add(a, "d/l", S_IFLNK | 0777, "f", 1, 4, 1, NEWC);
	/* hard links as cpio -o writes them: the data on the last name */
	add(a, "h1", S_IFREG | 0600, "", 0, 5, 2, NEWC);
	add(a, "d/h2", S_IFREG | 0600, "shared", 6, 5, 2, NEWC);
	add(a, "exe", S_IFREG | 04755, "#!", 2, 6, 1, NEWC);
	trailer(a);
	UK_TEST_ASSERT_INT_EQ(
		uk_cpio_extract(a->buf, a->len, "/ukcpio-tree/", &r), 0);

	/* "." did not change the destination's mode */
	UK_TEST_EXPECT_INT_EQ(stat_of("/ukcpio-tree", &st), 0);
	UK_TEST_EXPECT_UINT_EQ(st.st_mode & 07777, 0755);
	UK_TEST_EXPECT_INT_EQ(stat_of("/ukcpio-tree/d", &st), 0);
	UK_TEST_EXPECT_UINT_EQ(st.st_mode, S_IFDIR | 0751);
	UK_TEST_EXPECT_INT_EQ(st.st_mtime, MTIME);
	UK_TEST_EXPECT_INT_EQ(stat_of("/ukcpio-tree/d/f", &st), 0);
	UK_TEST_EXPECT_UINT_EQ(st.st_mode, S_IFREG | 0640);
	UK_TEST_EXPECT_INT_EQ(st.st_mtime, MTIME);
	UK_TEST_EXPECT_INT_EQ(read_file("/ukcpio-tree/d/f", buf, sizeof(buf)),
			      4);
	UK_TEST_EXPECT_MEM_EQ(buf, "data", 4);
	n = uk_sys_readlinkat(AT_FDCWD, "/ukcpio-tree/d/l", buf, sizeof(buf));
	UK_TEST_EXPECT_INT_EQ(n, 1);
	UK_TEST_EXPECT_MEM_EQ(buf, "f", 1);
	UK_TEST_EXPECT_INT_EQ(stat_of("/ukcpio-tree/h1", &st), 0);
	UK_TEST_EXPECT_INT_EQ(stat_of("/ukcpio-tree/d/h2", &st2), 0);
	UK_TEST_EXPECT_UINT_EQ(st.st_ino, st2.st_ino);
	UK_TEST_EXPECT_UINT_EQ(st.st_nlink, 2);
	UK_TEST_EXPECT_INT_EQ(read_file("/ukcpio-tree/h1", buf, sizeof(buf)),
			      6);
	UK_TEST_EXPECT_MEM_EQ(buf, "shared", 6);
	UK_TEST_EXPECT_INT_EQ(stat_of("/ukcpio-tree/exe", &st), 0);
	UK_TEST_EXPECT_UINT_EQ(st.st_mode, S_IFREG | 04755);
	free(a);
}

UK_TESTCASE(ukcpio, extract_replaces_and_keeps)
{
	struct ar *a = ar_new();
	struct uk_cpio_reader r;
	struct stat st;
	char buf[8];
	long fd;

	UK_TEST_ASSERT_NOT_NULL(a);
	UK_TEST_ASSERT_INT_EQ(uk_sys_mkdirat(AT_FDCWD, "/ukcpio-rep", 0755), 0);
	UK_TEST_ASSERT_INT_EQ(
		uk_sys_mkdirat(AT_FDCWD, "/ukcpio-rep/keep", 0700), 0);
	fd = uk_sys_openat(AT_FDCWD, "/ukcpio-rep/keep/mine",
			   O_CREAT | O_WRONLY, 0644);
	UK_TEST_ASSERT(fd >= 0);
	uk_sys_close(fd);
	fd = uk_sys_openat(AT_FDCWD, "/ukcpio-rep/f", O_CREAT | O_WRONLY, 0644);
	UK_TEST_ASSERT(fd >= 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_write(fd, "old contents", 12), 12);
	uk_sys_close(fd);

	add(a, "keep", S_IFDIR | 0755, "", 0, 1, 2, NEWC);
	add(a, "f", S_IFLNK | 0777, "keep", 4, 2, 1, NEWC);
	trailer(a);
	UK_TEST_ASSERT_INT_EQ(
		uk_cpio_extract(a->buf, a->len, "/ukcpio-rep", &r), 0);
	/* the folder stays, with its contents, and takes the mode */
	UK_TEST_EXPECT_INT_EQ(stat_of("/ukcpio-rep/keep", &st), 0);
	UK_TEST_EXPECT_UINT_EQ(st.st_mode, S_IFDIR | 0755);
	UK_TEST_EXPECT_INT_EQ(stat_of("/ukcpio-rep/keep/mine", &st), 0);
	/* the file became the link */
	UK_TEST_EXPECT_INT_EQ(stat_of("/ukcpio-rep/f", &st), 0);
	UK_TEST_EXPECT(S_ISLNK(st.st_mode));
	UK_TEST_EXPECT_INT_EQ(
		uk_sys_readlinkat(AT_FDCWD, "/ukcpio-rep/f", buf, sizeof(buf)),
		4);
	free(a);
}

/* Nothing is written below a symbolic link, the archive's own included. */
UK_TESTCASE(ukcpio, extract_refuses_link_parent)
{
	struct ar *a = ar_new();
	struct uk_cpio_reader r;
	struct stat st;
	size_t bad;

	UK_TEST_ASSERT_NOT_NULL(a);
	UK_TEST_ASSERT_INT_EQ(uk_sys_mkdirat(AT_FDCWD, "/ukcpio-esc", 0755), 0);
	add(a, "ok", S_IFREG | 0644, "1", 1, 1, 1, NEWC);
	add(a, "up", S_IFLNK | 0777, "/", 1, 2, 1, NEWC);
	bad = a->len;
	add(a, "up/ukcpio-escaped", S_IFREG | 0644, "x", 1, 3, 1, NEWC);
	trailer(a);
	UK_TEST_EXPECT_INT_EQ(
		uk_cpio_extract(a->buf, a->len, "/ukcpio-esc", &r), -ELOOP);
	UK_TEST_EXPECT_UINT_EQ(r.err_off, bad);
	UK_TEST_EXPECT_INT_EQ(stat_of("/ukcpio-escaped", &st), -ENOENT);
	/* what came before the bad member is there */
	UK_TEST_EXPECT_INT_EQ(stat_of("/ukcpio-esc/ok", &st), 0);
	/* a missing destination is an error, not a crash */
	UK_TEST_EXPECT_INT_EQ(
		uk_cpio_extract(a->buf, a->len, "/ukcpio-none", &r), -ENOENT);
	free(a);
}

/* `find -depth` order: contents first, the folder's own member last. */
UK_TESTCASE(ukcpio, extract_depth_first)
{
	struct ar *a = ar_new();
	struct uk_cpio_reader r;
	struct stat st;

	UK_TEST_ASSERT_NOT_NULL(a);
	UK_TEST_ASSERT_INT_EQ(uk_sys_mkdirat(AT_FDCWD, "/ukcpio-depth", 0755),
			      0);
	add(a, "x/y/f", S_IFREG | 0644, "f", 1, 1, 1, NEWC);
	add(a, "x/y", S_IFDIR | 0700, "", 0, 2, 2, NEWC);
	add(a, "x", S_IFDIR | 0750, "", 0, 3, 3, NEWC);
	trailer(a);
	UK_TEST_ASSERT_INT_EQ(
		uk_cpio_extract(a->buf, a->len, "/ukcpio-depth", &r), 0);
	UK_TEST_EXPECT_INT_EQ(stat_of("/ukcpio-depth/x/y/f", &st), 0);
	UK_TEST_EXPECT_INT_EQ(stat_of("/ukcpio-depth/x/y", &st), 0);
	UK_TEST_EXPECT_UINT_EQ(st.st_mode, S_IFDIR | 0700);
	UK_TEST_EXPECT_INT_EQ(st.st_mtime, MTIME);
	UK_TEST_EXPECT_INT_EQ(stat_of("/ukcpio-depth/x", &st), 0);
	UK_TEST_EXPECT_UINT_EQ(st.st_mode, S_IFDIR | 0750);
	free(a);
}
