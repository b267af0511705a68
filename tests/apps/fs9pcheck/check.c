/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The 9pfs checks. The host prepared /host/pre (hello.txt holding
 * "hello from the host\n", an empty folder sub, a symbolic link
 * hostlink -> hello.txt); the guest reads that, then builds /host/work,
 * which the test inspects on the host afterwards:
 *   work/big.bin   BIG bytes of fc_pattern(), written in odd-sized pieces
 *   work/renamed   "0123456789" (created as a.txt, truncated, renamed)
 *   work/link      -> renamed
 *   work/dir/      an empty folder (made as d0 and renamed)
 *   work/mode600   mode 0600, mtime 1234567890
 * and nothing else (the hard link and the scratch files are unlinked).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <uk/fdtab.h>
#include <uk/vfs_sys.h>
#include "fs9pcheck.h"

/* Larger than the msize, to cross several requests either way. */
#define BIG	(1300 * 1024 + 77)

#define W HOST "/work"

static long write_all(int fd, const void *buf, size_t len)
{
	return uk_sys_write(fd, buf, len);
}

static void check_host_files(void)
{
	char buf[64];
	struct stat st;
	long fd, n;

	fd = uk_sys_open(HOST "/pre/hello.txt", O_RDONLY, 0);
	fc_expect("open a host file", fd >= 0 ? 0 : fd, 0);
	if (fd < 0)
		return;
	n = uk_sys_read((int)fd, buf, sizeof(buf));
	fc_expect("read it whole", n, 20);
	fc_expect("its content", n == 20 && !memcmp(buf,
		  "hello from the host\n", 20) ? 0 : -EIO, 0);
	fc_expect("read at its end", uk_sys_read((int)fd, buf, 1), 0);
	fc_expect("fstat", uk_sys_fstat((int)fd, &st), 0);
	fc_expect("fstat size", st.st_size, 20);
	fc_expect("fstat type", S_ISREG(st.st_mode) ? 0 : -EINVAL, 0);
	uk_sys_close((int)fd);

	n = uk_sys_readlinkat(AT_FDCWD, HOST "/pre/hostlink", buf,
			      sizeof(buf));
	fc_expect("readlink of a host link", n, 9);
	fc_expect("its target", n == 9 && !memcmp(buf, "hello.txt", 9) ?
		  0 : -EIO, 0);
	fc_expect("stat through the link",
		  uk_sys_newfstatat(AT_FDCWD, HOST "/pre/hostlink", &st, 0),
		  0);
	fc_expect("the link's target size", st.st_size, 20);
	fc_expect("lstat the link",
		  uk_sys_newfstatat(AT_FDCWD, HOST "/pre/hostlink", &st,
				    AT_SYMLINK_NOFOLLOW), 0);
	fc_expect("lstat says link", S_ISLNK(st.st_mode) ? 0 : -EINVAL, 0);
	fc_expect("stat a host folder",
		  uk_sys_newfstatat(AT_FDCWD, HOST "/pre/sub", &st, 0), 0);
	fc_expect("it is a folder", S_ISDIR(st.st_mode) ? 0 : -EINVAL, 0);
}

static void check_errors(void)
{
	struct stat st;

	fc_expect("open a missing file",
		  uk_sys_open(HOST "/pre/missing", O_RDONLY, 0), -ENOENT);
	fc_expect("stat below a file",
		  uk_sys_newfstatat(AT_FDCWD, HOST "/pre/hello.txt/x", &st, 0),
		  -ENOTDIR);
	fc_expect("mkdir an existing name",
		  uk_sys_mkdirat(AT_FDCWD, HOST "/pre/sub", 0755), -EEXIST);
	fc_expect("O_EXCL on an existing file",
		  uk_sys_open(HOST "/pre/hello.txt",
			      O_CREAT | O_EXCL | O_WRONLY, 0644), -EEXIST);
	fc_expect("unlink a folder",
		  uk_sys_unlinkat(AT_FDCWD, HOST "/pre/sub", 0), -EISDIR);
	fc_expect("rmdir a file",
		  uk_sys_unlinkat(AT_FDCWD, HOST "/pre/hello.txt",
				  AT_REMOVEDIR), -ENOTDIR);
	fc_expect("rmdir a non-empty folder",
		  uk_sys_unlinkat(AT_FDCWD, HOST "/pre", AT_REMOVEDIR),
		  -ENOTEMPTY);
	fc_expect("readlink of a file",
		  uk_sys_readlinkat(AT_FDCWD, HOST "/pre/hello.txt",
				    (char[8]){ 0 }, 8), -EINVAL);
	fc_expect("open a folder for writing",
		  uk_sys_open(HOST "/pre/sub", O_WRONLY, 0), -EISDIR);
}

/* Write BIG pattern bytes in pieces of odd sizes, read them back. */
static void check_big_file(void)
{
	static const size_t pieces[] = { 1, 4095, 4096, 70000, 600000 };
	uint8_t *buf = malloc(BIG);
	size_t off = 0, i = 0, n;
	int bad = 0;
	long fd, rc;

	if (!buf) {
		fc_expect("malloc", -ENOMEM, 0);
		return;
	}
	for (off = 0; off < BIG; off++)
		buf[off] = fc_pattern(off);
	fd = uk_sys_open(W "/big.bin", O_CREAT | O_EXCL | O_WRONLY, 0644);
	fc_expect("create big.bin", fd >= 0 ? 0 : fd, 0);
	if (fd < 0)
		goto out_free;
	for (off = 0; off < BIG; off += n, i++) {
		n = pieces[i % 5] < BIG - off ? pieces[i % 5] : BIG - off;
		rc = write_all((int)fd, buf + off, n);
		if (rc != (long)n) {
			fc_expect("write a piece", rc, (long)n);
			break;
		}
	}
	fc_expect("fsync big.bin", uk_sys_fsync((int)fd), 0);
	fc_expect("close big.bin", uk_sys_close((int)fd), 0);

	memset(buf, 0, BIG);
	fd = uk_sys_open(W "/big.bin", O_RDONLY, 0);
	fc_expect("reopen big.bin", fd >= 0 ? 0 : fd, 0);
	if (fd < 0)
		goto out_free;
	/* One read larger than the msize: split into several Treads. */
	fc_expect("read big.bin whole", uk_sys_read((int)fd, buf, BIG + 10),
		  BIG);
	for (off = 0; off < BIG && !bad; off++)
		bad = buf[off] != fc_pattern(off);
	fc_expect("big.bin content", bad ? -EIO : 0, 0);
	fc_expect("pread in the middle",
		  uk_sys_pread64((int)fd, buf, 3, 777777), 3);
	fc_expect("pread content", buf[0] == fc_pattern(777777) &&
		  buf[2] == fc_pattern(777779) ? 0 : -EIO, 0);
	fc_expect("pread past the end",
		  uk_sys_pread64((int)fd, buf, 3, BIG + 5), 0);
	fc_expect("write on a read-only fd", uk_sys_write((int)fd, "x", 1),
		  -EBADF);
	uk_sys_close((int)fd);
out_free:
	free(buf);
}

/* The names in @dir, as one string "a b c " sorted by the caller. */
static int list_has(const char *dir, const char *const *names, int count)
{
	char buf[1024];
	int seen = 0, i;
	long fd, n, pos;
	struct dirent *d;

	fd = uk_sys_open(dir, O_RDONLY | O_DIRECTORY, 0);
	if (fd < 0)
		return (int)fd;
	while ((n = uk_sys_getdents64((int)fd, buf, sizeof(buf))) > 0) {
		for (pos = 0; pos < n; pos += d->d_reclen) {
			d = (struct dirent *)(buf + pos);
			for (i = 0; i < count; i++)
				if (!strcmp(d->d_name, names[i]))
					seen |= 1 << i;
		}
	}
	uk_sys_close((int)fd);
	if (n < 0)
		return (int)n;
	return seen == (1 << count) - 1 ? 0 : -ENOENT;
}

static void check_namespace(void)
{
	static const char *const want[] = { ".", "..", "big.bin", "renamed",
					    "link", "dir", "mode600" };
	struct timespec times[2] = { { 0, UTIME_OMIT }, { 1234567890, 0 } };
	struct statfs sf;
	struct stat st;
	char buf[32];
	long fd;

	fd = uk_sys_open(W "/a.txt", O_CREAT | O_RDWR, 0644);
	fc_expect("create a.txt", fd >= 0 ? 0 : fd, 0);
	if (fd < 0)
		return;
	fc_expect("write a.txt",
		  write_all((int)fd, "0123456789abcdefghij", 20), 20);
	fc_expect("ftruncate to 10", uk_sys_ftruncate((int)fd, 10), 0);
	fc_expect("fstat after ftruncate",
		  uk_sys_fstat((int)fd, &st) ?: st.st_size, 10);
	fc_expect("lseek to 0", uk_sys_lseek((int)fd, 0, SEEK_SET), 0);
	fc_expect("read after truncate", uk_sys_read((int)fd, buf, 32), 10);
	uk_sys_close((int)fd);

	fc_expect("hard link", uk_sys_linkat(AT_FDCWD, W "/a.txt", AT_FDCWD,
					     W "/hard", 0), 0);
	fc_expect("stat nlink", uk_sys_newfstatat(AT_FDCWD, W "/hard", &st,
						  0) ?: (long)st.st_nlink, 2);
	fc_expect("rename a.txt", uk_sys_renameat2(AT_FDCWD, W "/a.txt",
						   AT_FDCWD, W "/renamed", 0),
		  0);
	fc_expect("the old name is gone",
		  uk_sys_open(W "/a.txt", O_RDONLY, 0), -ENOENT);
	fc_expect("unlink the hard link",
		  uk_sys_unlinkat(AT_FDCWD, W "/hard", 0), 0);
	fc_expect("nlink back to 1",
		  uk_sys_newfstatat(AT_FDCWD, W "/renamed", &st, 0) ?:
		  (long)st.st_nlink, 1);

	fc_expect("symlink", uk_sys_symlinkat("renamed", AT_FDCWD,
					      W "/link"), 0);
	fc_expect("readlink", uk_sys_readlinkat(AT_FDCWD, W "/link", buf,
						sizeof(buf)), 7);
	fd = uk_sys_open(W "/link", O_RDONLY, 0);
	fc_expect("open through the new link", fd >= 0 ? 0 : fd, 0);
	if (fd >= 0) {
		fc_expect("read through it", uk_sys_read((int)fd, buf, 32), 10);
		uk_sys_close((int)fd);
	}

	fc_expect("mkdir", uk_sys_mkdirat(AT_FDCWD, W "/d0", 0755), 0);
	fc_expect("mkdir inside", uk_sys_mkdirat(AT_FDCWD, W "/d0/inner",
						 0700), 0);
	fc_expect("rmdir inside", uk_sys_unlinkat(AT_FDCWD, W "/d0/inner",
						  AT_REMOVEDIR), 0);
	fc_expect("rename a folder", uk_sys_renameat2(AT_FDCWD, W "/d0",
						      AT_FDCWD, W "/dir", 0),
		  0);

	fd = uk_sys_open(W "/mode600", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	fc_expect("create mode600", fd >= 0 ? 0 : fd, 0);
	if (fd >= 0)
		uk_sys_close((int)fd);
	fc_expect("chmod 0600", uk_sys_fchmodat(AT_FDCWD, W "/mode600", 0600,
						0), 0);
	fc_expect("utimensat mtime",
		  uk_sys_utimensat(AT_FDCWD, W "/mode600", times, 0), 0);
	fc_expect("stat mode", uk_sys_newfstatat(AT_FDCWD, W "/mode600", &st,
						 0) ?: (long)(st.st_mode & 07777),
		  0600);
	fc_expect("stat mtime", (long)st.st_mtim.tv_sec, 1234567890);

	fd = uk_sys_open(W "/scratch", O_CREAT | O_WRONLY, 0644);
	fc_expect("create scratch", fd >= 0 ? 0 : fd, 0);
	if (fd >= 0)
		uk_sys_close((int)fd);
	fc_expect("truncate by path (grow)",
		  uk_sys_truncate(W "/scratch", 5000), 0);
	fc_expect("stat grown size", uk_sys_newfstatat(AT_FDCWD,
						       W "/scratch", &st, 0) ?:
		  st.st_size, 5000);
	fc_expect("unlink scratch", uk_sys_unlinkat(AT_FDCWD, W "/scratch",
						    0), 0);
	fc_expect("unlinked is gone", uk_sys_newfstatat(AT_FDCWD,
							W "/scratch", &st, 0),
		  -ENOENT);

	/* POSIX: an open file outlives its name. */
	fd = uk_sys_open(W "/ghost", O_CREAT | O_RDWR, 0644);
	fc_expect("create ghost", fd >= 0 ? 0 : fd, 0);
	if (fd >= 0) {
		fc_expect("write ghost", write_all((int)fd, "boo", 3), 3);
		fc_expect("unlink ghost while open",
			  uk_sys_unlinkat(AT_FDCWD, W "/ghost", 0), 0);
		fc_expect("fstat the unlinked file",
			  uk_sys_fstat((int)fd, &st) ?: st.st_size, 3);
		fc_expect("read the unlinked file",
			  uk_sys_pread64((int)fd, buf, sizeof(buf), 0), 3);
		uk_sys_close((int)fd);
	}

	fc_expect("readdir lists everything", list_has(W, want, 7), 0);
	fc_expect("statfs", uk_sys_statfs(HOST, &sf), 0);
	fc_expect("statfs type", sf.f_type, 0x01021997);
}

int fc_check(void)
{
	long rc;

	check_host_files();
	check_errors();
	rc = uk_sys_mkdirat(AT_FDCWD, W, 0755);
	if (fc_expect("mkdir work", rc, 0))
		return 1;
	check_big_file();
	check_namespace();
	return 0;
}

/*
 * The host removes the shared folder while it is mounted: calls must
 * fail cleanly (the server's ENOENT, or EIO), the guest goes on.
 */
int fc_gone(void)
{
	struct stat st;
	char buf[16];
	long fd, rc;
	int i;

	fd = uk_sys_open(HOST "/present", O_RDONLY, 0);
	fc_expect("open present", fd >= 0 ? 0 : fd, 0);
	/* The test waits for this line, then removes the folder. */
	printf("fs9pcheck: ready\n");
	for (i = 0; i < 600; i++) {
		rc = uk_sys_newfstatat(AT_FDCWD, HOST "/present", &st, 0);
		if (rc < 0)
			break;
		uk_sys_poll(NULL, 0, 50);
	}
	fc_expect("the share went away (ENOENT)", rc, -ENOENT);
	rc = uk_sys_open(HOST "/new", O_CREAT | O_WRONLY, 0644);
	fc_expect("create in the removed share fails",
		  rc == -ENOENT || rc == -EIO ? 0 : rc, 0);
	rc = uk_sys_mkdirat(AT_FDCWD, HOST "/newdir", 0755);
	fc_expect("mkdir in the removed share fails",
		  rc == -ENOENT || rc == -EIO ? 0 : rc, 0);
	rc = uk_sys_open(HOST, O_RDONLY | O_DIRECTORY, 0);
	if (rc >= 0) {
		i = (int)rc;
		rc = uk_sys_getdents64(i, buf, sizeof(buf));
		uk_sys_close(i);
		fc_expect("readdir of the removed share: nothing or an error",
			  rc <= 0 ? 0 : rc, 0);
	}
	if (fd >= 0) {
		/* The host keeps what an open file holds, or says EIO. */
		rc = uk_sys_read((int)fd, buf, sizeof(buf));
		fc_expect("read an open file of the removed share",
			  rc >= 0 || rc == -EIO || rc == -ENOENT ? 0 : rc, 0);
		uk_sys_close((int)fd);
	}
	return 0;
}
