/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * vfscore over ramfs (the root) and devfs (/dev): lookups, the *at()
 * calls, symlinks, errnos. The full POSIX file API is exercised by
 * tests/apps/fstest through nolibc; these cases pin down vfscore itself.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include <uk/fdtab.h>
#include <uk/test.h>
#include <uk/vfs.h>
#include <uk/vfs_sys.h>

UK_TESTCASE(vfscore, root_and_dev)
{
	struct stat st;

	UK_TEST_EXPECT_INT_EQ(uk_sys_newfstatat(AT_FDCWD, "/", &st, 0), 0);
	UK_TEST_EXPECT(S_ISDIR(st.st_mode));
	UK_TEST_EXPECT_INT_EQ(uk_sys_newfstatat(AT_FDCWD, "/dev/null", &st,
						0), 0);
	UK_TEST_EXPECT(S_ISCHR(st.st_mode));
	UK_TEST_EXPECT_UINT_EQ(st.st_rdev, (1 << 8) | 3);
	/* ".." of the root is the root; of /dev, the root too */
	UK_TEST_EXPECT_INT_EQ(uk_sys_newfstatat(AT_FDCWD, "/dev/../..", &st,
						0), 0);
	UK_TEST_EXPECT(S_ISDIR(st.st_mode));
}

UK_TESTCASE(vfscore, create_write_read_unlink)
{
	char buf[16];
	int fd;

	fd = uk_sys_openat(AT_FDCWD, "/t1", O_CREAT | O_RDWR | O_EXCL, 0644);
	UK_TEST_ASSERT(fd >= 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_write(fd, "hello", 5), 5);
	UK_TEST_EXPECT_INT_EQ(uk_sys_lseek(fd, 0, SEEK_SET), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_read(fd, buf, sizeof(buf)), 5);
	UK_TEST_EXPECT_MEM_EQ(buf, "hello", 5);
	UK_TEST_EXPECT_INT_EQ(uk_sys_openat(AT_FDCWD, "/t1",
					    O_CREAT | O_EXCL | O_RDWR, 0),
			      -EEXIST);
	UK_TEST_EXPECT_INT_EQ(uk_sys_unlinkat(AT_FDCWD, "/t1", 0), 0);
	/* still open: the data stays until close */
	UK_TEST_EXPECT_INT_EQ(uk_sys_pread64(fd, buf, 5, 0), 5);
	UK_TEST_EXPECT_INT_EQ(uk_sys_close(fd), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_openat(AT_FDCWD, "/t1", O_RDONLY, 0),
			      -ENOENT);
}

UK_TESTCASE(vfscore, dirs_symlinks_and_errnos)
{
	char path[PATH_MAX + 8];
	char buf[64];
	long n;

	UK_TEST_EXPECT_INT_EQ(uk_sys_mkdirat(AT_FDCWD, "/d", 0755), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_mkdirat(AT_FDCWD, "/d", 0755), -EEXIST);
	UK_TEST_EXPECT_INT_EQ(uk_sys_mkdirat(AT_FDCWD, "/d/e/f", 0755),
			      -ENOENT);
	UK_TEST_EXPECT_INT_EQ(uk_sys_symlinkat("d", AT_FDCWD, "/ld"), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_mkdirat(AT_FDCWD, "/ld/x", 0755), 0);
	n = uk_sys_readlinkat(AT_FDCWD, "/ld", buf, sizeof(buf));
	UK_TEST_EXPECT_INT_EQ(n, 1);
	/* a loop of links ends in ELOOP */
	UK_TEST_EXPECT_INT_EQ(uk_sys_symlinkat("/l2", AT_FDCWD, "/l1"), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_symlinkat("/l1", AT_FDCWD, "/l2"), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_openat(AT_FDCWD, "/l1", O_RDONLY, 0),
			      -ELOOP);
	UK_TEST_EXPECT_INT_EQ(uk_sys_unlinkat(AT_FDCWD, "/d", AT_REMOVEDIR),
			      -ENOTEMPTY);
	UK_TEST_EXPECT_INT_EQ(uk_sys_unlinkat(AT_FDCWD, "/d", 0), -EISDIR);
	UK_TEST_EXPECT_INT_EQ(uk_sys_mkdirat(AT_FDCWD, "/d/x/y/../z", 0755),
			      -ENOENT);
	UK_TEST_EXPECT_INT_EQ(uk_sys_mkdirat(AT_FDCWD, "/d/x/y", 0755), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_mkdirat(AT_FDCWD, "/d/x/y/../z", 0755),
			      0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_renameat2(AT_FDCWD, "/d", AT_FDCWD,
					       "/d/x/in", 0), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_sys_renameat2(AT_FDCWD, "/dev/null",
					       AT_FDCWD, "/nul", 0), -EXDEV);
	/* a name past PATH_MAX / NAME_MAX */
	memset(path, 'a', sizeof(path));
	path[0] = '/';
	path[PATH_MAX + 1] = 0;
	UK_TEST_EXPECT_INT_EQ(uk_sys_mkdirat(AT_FDCWD, path, 0755),
			      -ENAMETOOLONG);
	path[300] = 0;
	UK_TEST_EXPECT_INT_EQ(uk_sys_mkdirat(AT_FDCWD, path, 0755),
			      -ENAMETOOLONG);
	UK_TEST_EXPECT_INT_EQ(uk_sys_openat(AT_FDCWD, "/d/x/z/", O_RDONLY, 0)
				      >= 0, 1);
	UK_TEST_EXPECT_INT_EQ(uk_sys_openat(AT_FDCWD, "/ld/", O_RDONLY |
					    O_CREAT, 0600), -EISDIR);
}

UK_TESTCASE(vfscore, cwd_and_getcwd)
{
	char buf[64];
	int dfd;

	uk_sys_mkdirat(AT_FDCWD, "/w", 0755);
	uk_sys_mkdirat(AT_FDCWD, "/w/v", 0755);
	UK_TEST_EXPECT_INT_EQ(uk_sys_chdir("/w/v"), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_getcwd(buf, sizeof(buf)), 5);
	UK_TEST_EXPECT_STR_EQ(buf, "/w/v");
	UK_TEST_EXPECT_INT_EQ(uk_sys_getcwd(buf, 3), -ERANGE);
	dfd = uk_sys_openat(AT_FDCWD, "..", O_RDONLY | O_DIRECTORY, 0);
	UK_TEST_ASSERT(dfd >= 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_mkdirat(dfd, "u", 0700), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_fchdir(dfd), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_getcwd(buf, sizeof(buf)), 3);
	UK_TEST_EXPECT_STR_EQ(buf, "/w");
	UK_TEST_EXPECT_INT_EQ(uk_sys_chdir("/dev"), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_getcwd(buf, sizeof(buf)), 5);
	UK_TEST_EXPECT_STR_EQ(buf, "/dev");
	UK_TEST_EXPECT_INT_EQ(uk_sys_chdir("/"), 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_getcwd(buf, sizeof(buf)), 2);
	UK_TEST_EXPECT_STR_EQ(buf, "/");
	uk_sys_close(dfd);
}
