/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Files and directories: every call of the POSIX file API once with a
 * result that is checked (data, sizes, modes, links, listings, times),
 * and dup2 over an open fd.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

int fst_failures;

void fst_result(const char *name, int ok, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		printf("fstest: PASS %s\n", name);
		return;
	}
	fst_failures++;
	printf("fstest: FAIL %s: ", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

long fst_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Is the file at @path exactly @len bytes of @want? */
static int has_content(const char *path, const char *want, size_t len)
{
	char buf[256];
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	return n == (ssize_t)len && !memcmp(buf, want, len);
}

/* Is @name in the directory @path (readdir)? */
static int listed(const char *path, const char *name)
{
	struct dirent *de;
	int found = 0;
	DIR *d = opendir(path);

	if (!d)
		return 0;
	while ((de = readdir(d)))
		if (!strcmp(de->d_name, name))
			found = 1;
	closedir(d);
	return found;
}

void fst_check_files(const char *dir)
{
	char buf[8192], a[8], b[8];
	struct iovec iov[2];
	struct stat st;
	struct statx stx;
	int fd, fd2, i, zeros;

	if (FST_OK("files.chdir", chdir(dir)) < 0)
		return;
	fd = FST_OK("files.open_creat", open("f", O_RDWR | O_CREAT | O_EXCL,
						0640));
	FST_TRUE("files.write", write(fd, "hello world", 11) == 11,
		 "write did not take 11 bytes");
	FST_TRUE("files.lseek_cur", lseek(fd, 0, SEEK_CUR) == 11,
		 "position is not 11 after writing 11 bytes");
	FST_TRUE("files.lseek_set", lseek(fd, 6, SEEK_SET) == 6,
		 "lseek(6, SEEK_SET) failed");
	memset(buf, 0, sizeof(buf));
	FST_TRUE("files.read", read(fd, buf, sizeof(buf)) == 5 &&
			       !memcmp(buf, "world", 5),
		 "read after lseek got '%s'", buf);
	FST_TRUE("files.read_eof", read(fd, buf, sizeof(buf)) == 0,
		 "read at the end is not 0");
	FST_TRUE("files.lseek_end", lseek(fd, -5, SEEK_END) == 6,
		 "lseek(-5, SEEK_END) is not 6");
	FST_TRUE("files.pwrite", pwrite(fd, "W", 1, 6) == 1 &&
				 lseek(fd, 0, SEEK_CUR) == 6,
		 "pwrite failed or moved the position");
	FST_TRUE("files.pread", pread(fd, buf, 5, 6) == 5 &&
				!memcmp(buf, "World", 5),
		 "pread got '%.5s'", buf);
	memcpy(a, "ab", 2);
	memcpy(b, "cde", 3);
	iov[0] = (struct iovec){ a, 2 };
	iov[1] = (struct iovec){ b, 3 };
	lseek(fd, 0, SEEK_END);
	FST_TRUE("files.writev", writev(fd, iov, 2) == 5, "writev != 5");
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	lseek(fd, 11, SEEK_SET);
	FST_TRUE("files.readv", readv(fd, iov, 2) == 5 &&
				!memcmp(a, "ab", 2) && !memcmp(b, "cde", 3),
		 "readv got '%.2s' '%.3s'", a, b);
	FST_OK("files.fstat", fstat(fd, &st));
	FST_TRUE("files.fstat_fields", S_ISREG(st.st_mode) &&
		 (st.st_mode & 0777) == (0640 & ~022) && st.st_size == 16 &&
		 st.st_nlink == 1,
		 "mode %o size %lld nlink %lu", (unsigned)st.st_mode,
		 (long long)st.st_size, (unsigned long)st.st_nlink);
	FST_OK("files.fsync", fsync(fd));
	FST_OK("files.fdatasync", fdatasync(fd));
	/* Sparse growth: a hole reads as zeros, only touched pages count. */
	FST_TRUE("files.sparse_write", pwrite(fd, "Z", 1, 1 << 20) == 1,
		 "pwrite at 1 MiB failed");
	fstat(fd, &st);
	FST_TRUE("files.sparse_size", st.st_size == (1 << 20) + 1,
		 "size %lld", (long long)st.st_size);
	zeros = pread(fd, buf, sizeof(buf), 4096 * 10) == sizeof(buf);
	for (i = 0; zeros && i < (int)sizeof(buf); i++)
		zeros = !buf[i];
	FST_TRUE("files.sparse_hole_zeros", zeros, "the hole is not zeros");
	FST_OK("files.ftruncate_shrink", ftruncate(fd, 5));
	FST_OK("files.ftruncate_grow", ftruncate(fd, 100));
	FST_TRUE("files.truncate_zeros", pread(fd, buf, 100, 0) == 100 &&
		 !memcmp(buf, "hello", 5) && !buf[5] && !buf[99],
		 "truncated/grown content wrong");
	FST_OK("files.truncate_path", truncate("f", 3));
	FST_OK("files.stat", stat("f", &st));
	FST_TRUE("files.truncate_size", st.st_size == 3, "size %lld",
		 (long long)st.st_size);
	FST_OK("files.statx", statx(AT_FDCWD, "f", 0, STATX_BASIC_STATS,
				    &stx));
	FST_TRUE("files.statx_fields", stx.stx_size == 3 &&
		 (stx.stx_mode & S_IFMT) == S_IFREG,
		 "statx size %llu mode %o", (unsigned long long)stx.stx_size,
		 stx.stx_mode);
	/* O_APPEND writes at the end whatever the position. */
	fd2 = open("f", O_WRONLY | O_APPEND);
	lseek(fd2, 0, SEEK_SET);
	write(fd2, "XY", 2);
	close(fd2);
	FST_TRUE("files.append", has_content("f", "helXY", 5),
		 "O_APPEND did not write at the end");
	fd2 = FST_OK("files.open_trunc", open("f", O_WRONLY | O_TRUNC));
	close(fd2);
	FST_TRUE("files.trunc_empty", !stat("f", &st) && st.st_size == 0,
		 "O_TRUNC left %lld bytes", (long long)st.st_size);
	FST_OK("files.close", close(fd));
	fd = FST_OK("files.creat", creat("g", 0600));
	write(fd, "gg", 2);
	close(fd);

	/* dup/dup2/dup3/fcntl: dup2 over an open fd closes it first. */
	fd = open("f", O_RDWR);
	fd2 = open("g", O_RDWR);
	FST_TRUE("dup2.over_open_fd", dup2(fd, fd2) == fd2,
		 "dup2 did not return the target");
	FST_TRUE("dup2.shared_offset", write(fd2, "dd", 2) == 2 &&
		 lseek(fd, 0, SEEK_CUR) == 2,
		 "the duplicate does not share the position");
	FST_TRUE("dup2.old_file_intact", has_content("g", "gg", 2) &&
		 has_content("f", "dd", 2),
		 "the write went to the file dup2 closed");
	FST_TRUE("dup2.same_fd", dup2(fd, fd) == fd, "dup2(fd, fd) != fd");
	FST_ERR("dup3.same_fd", dup3(fd, fd, 0), EINVAL);
	FST_ERR("dup2.bad_old", dup2(999, fd2), EBADF);
	i = dup(fd);
	FST_TRUE("dup.lowest", i > fd2 || i >= 3, "dup returned %d", i);
	FST_TRUE("fcntl.cloexec", fcntl(i, F_SETFD, FD_CLOEXEC) == 0 &&
		 fcntl(i, F_GETFD) == FD_CLOEXEC, "FD_CLOEXEC not kept");
	FST_TRUE("fcntl.setfl_append",
		 fcntl(i, F_SETFL, O_APPEND) == 0 &&
		 (fcntl(i, F_GETFL) & (O_APPEND | O_ACCMODE)) ==
			 (O_APPEND | O_RDWR),
		 "F_SETFL O_APPEND not kept");
	FST_TRUE("fcntl.dupfd", fcntl(fd, F_DUPFD, 40) == 40,
		 "F_DUPFD 40 did not give 40");
	close(40);
	close(i);
	close(fd);
	close(fd2);
	FST_OK("files.unlink", unlink("g"));
	FST_TRUE("files.unlinked_gone", stat("g", &st) < 0 && errno == ENOENT,
		 "g still there");
}

void fst_check_dirs(const char *dir)
{
	char buf[512], cwd[512];
	struct timespec ts[2];
	struct statfs sfs;
	struct stat st;
	int dfd, fd, n, found;
	long pos, nread;
	mode_t old;

	if (chdir(dir) < 0)
		return;
	FST_OK("dirs.mkdir", mkdir("d", 0750));
	FST_TRUE("dirs.mkdir_mode", !stat("d", &st) && S_ISDIR(st.st_mode) &&
		 (st.st_mode & 0777) == 0750, "mode %o", (unsigned)st.st_mode);
	FST_OK("dirs.mkdir_nested", mkdir("d/e", 0755));
	FST_TRUE("dirs.nlink_subdir", !stat("d", &st) && st.st_nlink == 3,
		 "a directory with one subdirectory has nlink %lu",
		 (unsigned long)st.st_nlink);
	/* *at() with a directory fd, and AT_FDCWD. */
	dfd = FST_OK("dirs.open_directory", open("d", O_RDONLY | O_DIRECTORY));
	fd = FST_OK("dirs.openat", openat(dfd, "x", O_CREAT | O_WRONLY, 0644));
	write(fd, "x", 1);
	close(fd);
	FST_OK("dirs.fstatat", fstatat(dfd, "x", &st, 0));
	FST_TRUE("dirs.fstatat_size", st.st_size == 1, "size %lld",
		 (long long)st.st_size);
	FST_OK("dirs.mkdirat", mkdirat(dfd, "m", 0700));
	FST_OK("dirs.unlinkat_dir", unlinkat(dfd, "m", AT_REMOVEDIR));
	FST_OK("dirs.fstatat_cwd", fstatat(AT_FDCWD, "d/x", &st, 0));
	FST_OK("dirs.faccessat", faccessat(dfd, "x", R_OK | W_OK, 0));
	FST_OK("dirs.access", access("d/x", F_OK));
	/* getdents64 on the fd: ".", "..", e, x. */
	found = 0;
	while ((nread = getdents64(dfd, buf, sizeof(buf))) > 0)
		for (pos = 0; pos < nread;) {
			unsigned short reclen;
			const char *name = buf + pos + 19;

			memcpy(&reclen, buf + pos + 16, 2);
			found |= !strcmp(name, ".") ? 1 : !strcmp(name, "..")
				 ? 2 : !strcmp(name, "e") ? 4
				 : !strcmp(name, "x") ? 8 : 16;
			pos += reclen;
		}
	FST_TRUE("dirs.getdents64", found == 15,
		 "entries seen: mask %x (want . .. e x only: 0xf)", found);
	FST_TRUE("dirs.readdir", listed("d", "x") && listed("d", "e") &&
		 !listed("d", "m"), "opendir/readdir listing wrong");
	/* rename: a file, over a file, a directory. */
	fd = open("d/y", O_CREAT | O_WRONLY, 0644);
	write(fd, "yy", 2);
	close(fd);
	FST_OK("dirs.rename_over", rename("d/y", "d/x"));
	FST_TRUE("dirs.rename_content", has_content("d/x", "yy", 2) &&
		 !listed("d", "y"), "rename over x lost data");
	FST_OK("dirs.rename_dir", rename("d/e", "e2"));
	FST_TRUE("dirs.rename_dir_moved", listed(".", "e2") &&
		 !listed("d", "e") && !stat("d", &st) && st.st_nlink == 2,
		 "directory move wrong (nlink of d %lu)",
		 (unsigned long)st.st_nlink);
	FST_OK("dirs.renameat", renameat(dfd, "x", AT_FDCWD, "x2"));
	/* Hard and symbolic links. */
	FST_OK("dirs.link", link("x2", "x3"));
	FST_TRUE("dirs.link_nlink", !stat("x2", &st) && st.st_nlink == 2,
		 "nlink %lu after link", (unsigned long)st.st_nlink);
	FST_OK("dirs.linkat", linkat(AT_FDCWD, "x2", dfd, "x4", 0));
	FST_OK("dirs.symlink", symlink("x2", "s"));
	n = readlink("s", buf, sizeof(buf));
	FST_TRUE("dirs.readlink", n == 2 && !memcmp(buf, "x2", 2),
		 "readlink gave %d", n);
	FST_TRUE("dirs.lstat_symlink", !lstat("s", &st) && S_ISLNK(st.st_mode)
		 && st.st_size == 2, "lstat of the link wrong");
	FST_TRUE("dirs.stat_follows", !stat("s", &st) && S_ISREG(st.st_mode)
		 && st.st_size == 2, "stat through the link wrong");
	FST_OK("dirs.symlinkat", symlinkat("../x2", dfd, "s2"));
	FST_TRUE("dirs.symlink_relative", has_content("d/s2", "yy", 2),
		 "relative link target not resolved from its directory");
	FST_TRUE("dirs.readlinkat", readlinkat(dfd, "s2", buf, sizeof(buf))
		 == 5, "readlinkat length wrong");
	FST_OK("dirs.unlink_link", unlink("x3"));
	FST_TRUE("dirs.unlink_nlink", !stat("x2", &st) && st.st_nlink == 2,
		 "nlink %lu (x2 and d/x4 remain)", (unsigned long)st.st_nlink);
	/* Modes, owners, times, umask. */
	FST_OK("dirs.chmod", chmod("x2", 0604));
	FST_TRUE("dirs.chmod_kept", !stat("x2", &st) &&
		 (st.st_mode & 07777) == 0604, "mode %o", (unsigned)st.st_mode);
	fd = open("x2", O_RDONLY);
	FST_OK("dirs.fchmod", fchmod(fd, 0600));
	FST_OK("dirs.fchown", fchown(fd, 1000, 1000));
	FST_TRUE("dirs.chown_kept", !fstat(fd, &st) && st.st_uid == 1000 &&
		 st.st_gid == 1000, "uid %u gid %u", (unsigned)st.st_uid,
		 (unsigned)st.st_gid);
	close(fd);
	FST_OK("dirs.chown", chown("x2", 0, 0));
	ts[0] = (struct timespec){ 1000000000, 0 };
	ts[1] = (struct timespec){ 1234567890, 500 };
	FST_OK("dirs.utimensat", utimensat(AT_FDCWD, "x2", ts, 0));
	FST_TRUE("dirs.utimensat_kept", !stat("x2", &st) &&
		 st.st_mtim.tv_sec == 1234567890 &&
		 st.st_atim.tv_sec == 1000000000,
		 "mtime %lld atime %lld", (long long)st.st_mtim.tv_sec,
		 (long long)st.st_atim.tv_sec);
	old = umask(077);
	fd = open("um", O_CREAT | O_WRONLY, 0666);
	close(fd);
	umask(old);
	FST_TRUE("dirs.umask", old == 022 && !stat("um", &st) &&
		 (st.st_mode & 0777) == 0600, "umask was %o, mode %o",
		 (unsigned)old, (unsigned)st.st_mode);
	FST_OK("dirs.statfs", statfs(".", &sfs));
	FST_TRUE("dirs.statfs_fields", sfs.f_bsize > 0, "f_bsize %ld",
		 (long)sfs.f_bsize);
	/* The working directory. */
	FST_OK("dirs.chdir", chdir("d"));
	FST_TRUE("dirs.getcwd", getcwd(cwd, sizeof(cwd)) &&
		 strlen(cwd) > 2 && !strcmp(cwd + strlen(cwd) - 2, "/d"),
		 "getcwd in d: '%s'", cwd);
	FST_TRUE("dirs.dotdot", !stat("../x2", &st), "../x2 not found");
	FST_OK("dirs.fchdir", fchdir(dfd));
	FST_OK("dirs.chdir_back", chdir(dir));
	close(dfd);
	FST_OK("dirs.rmdir", rmdir("e2"));
}
