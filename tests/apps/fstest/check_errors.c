/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Errors: every errno the issue names, from the call that must give it,
 * with Linux's choice where several would apply; then a size-limited
 * ramfs filled up (ENOSPC, and nothing written before is lost).
 */
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uk/vfs.h>
#include "check.h"

void fst_check_errors(const char *dir)
{
	static char longpath[PATH_MAX + 16];
	char longname[NAME_MAX + 2], buf[16];
	struct stat st;
	size_t i;
	int fd;

	if (chdir(dir) < 0)
		return;
	mkdir("e", 0755);
	mkdir("e/full", 0755);
	close(open("e/full/f", O_CREAT | O_WRONLY, 0644));
	close(open("e/file", O_CREAT | O_WRONLY, 0644));

	FST_ERR("errno.ENOENT.open", open("e/none", O_RDONLY), ENOENT);
	FST_ERR("errno.ENOENT.stat", stat("e/none/x", &st), ENOENT);
	FST_ERR("errno.ENOENT.unlink", unlink("e/none"), ENOENT);
	FST_ERR("errno.ENOENT.rename", rename("e/none", "e/n2"), ENOENT);
	FST_ERR("errno.ENOENT.empty_path", stat("", &st), ENOENT);
	FST_ERR("errno.ENOENT.dangling", (symlink("nowhere", "e/dl"),
		open("e/dl", O_RDONLY)), ENOENT);
	FST_ERR("errno.EEXIST.open_excl", open("e/file", O_CREAT | O_EXCL |
					       O_WRONLY, 0644), EEXIST);
	FST_ERR("errno.EEXIST.mkdir", mkdir("e/full", 0755), EEXIST);
	FST_ERR("errno.EEXIST.link", link("e/file", "e/full/f"), EEXIST);
	FST_ERR("errno.EEXIST.symlink", symlink("x", "e/file"), EEXIST);
	FST_ERR("errno.EEXIST.excl_dangling_link",
		open("e/dl", O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST);
	FST_ERR("errno.ENOTDIR.component", open("e/file/x", O_RDONLY),
		ENOTDIR);
	FST_ERR("errno.ENOTDIR.mkdir_under_file", mkdir("e/file/d", 0755),
		ENOTDIR);
	FST_ERR("errno.ENOTDIR.o_directory", open("e/file", O_RDONLY |
						  O_DIRECTORY), ENOTDIR);
	FST_ERR("errno.ENOTDIR.rmdir_file", rmdir("e/file"), ENOTDIR);
	FST_ERR("errno.ENOTDIR.trailing_slash", stat("e/file/", &st), ENOTDIR);
	FST_ERR("errno.ENOTDIR.rename_dir_over_file",
		rename("e/full", "e/file"), ENOTDIR);
	FST_ERR("errno.EISDIR.open_write", open("e/full", O_WRONLY), EISDIR);
	FST_ERR("errno.EISDIR.unlink_dir", unlink("e/full"), EISDIR);
	FST_ERR("errno.EISDIR.rename_file_over_dir",
		rename("e/file", "e/full"), EISDIR);
	FST_ERR("errno.EISDIR.creat_trailing_slash",
		open("e/new/", O_CREAT | O_WRONLY, 0644), EISDIR);
	fd = open("e/full", O_RDONLY | O_DIRECTORY);
	FST_ERR("errno.EISDIR.read_dir", read(fd, buf, sizeof(buf)), EISDIR);
	close(fd);
	FST_ERR("errno.ENOTEMPTY.rmdir", rmdir("e/full"), ENOTEMPTY);
	mkdir("e/other", 0755);
	FST_ERR("errno.ENOTEMPTY.rename_over", rename("e/other", "e/full"),
		ENOTEMPTY);
	fd = open("e/file", O_RDONLY);
	FST_ERR("errno.EBADF.write_rdonly", write(fd, "x", 1), EBADF);
	close(fd);
	FST_ERR("errno.EBADF.closed", read(fd, buf, 1), EBADF);
	FST_ERR("errno.EBADF.close_twice", close(fd), EBADF);
	FST_ERR("errno.EBADF.fstat", fstat(-1, &st), EBADF);
	FST_ERR("errno.EBADF.openat", openat(1000, "x", O_RDONLY), EBADF);
	fd = open("e/file", O_WRONLY);
	FST_ERR("errno.EBADF.read_wronly", read(fd, buf, 1), EBADF);
	FST_ERR("errno.EINVAL.lseek_negative", lseek(fd, -1, SEEK_SET),
		EINVAL);
	FST_ERR("errno.EINVAL.lseek_whence", lseek(fd, 0, 42), EINVAL);
	FST_ERR("errno.EINVAL.ftruncate_negative", ftruncate(fd, -1), EINVAL);
	close(fd);
	FST_ERR("errno.EINVAL.readlink_not_link", readlink("e/file", buf,
							    sizeof(buf)),
		EINVAL);
	FST_ERR("errno.EINVAL.rename_into_self", rename("e/full",
							"e/full/sub"),
		EINVAL);
	FST_ERR("errno.EINVAL.rmdir_dot", rmdir("e/full/."), EINVAL);
	FST_ERR("errno.EINVAL.open_flags", open("e/file", O_WRONLY | O_RDWR),
		EINVAL);
	memset(longname, 'n', NAME_MAX + 1);
	longname[NAME_MAX + 1] = 0;
	FST_ERR("errno.ENAMETOOLONG.component", open(longname, O_CREAT |
						    O_WRONLY, 0644),
		ENAMETOOLONG);
	for (i = 0; i + 2 < sizeof(longpath); i += 2)
		memcpy(longpath + i, "./", 2);
	longpath[i] = 0;
	FST_ERR("errno.ENAMETOOLONG.path", stat(longpath, &st), ENAMETOOLONG);
	longname[NAME_MAX] = 0;	/* exactly NAME_MAX: fine */
	fd = FST_OK("errno.NAME_MAX_ok", open(longname, O_CREAT | O_WRONLY,
					      0644));
	close(fd);
	unlink(longname);
	symlink("loop2", "e/loop1");
	symlink("loop1", "e/loop2");
	FST_ERR("errno.ELOOP.cycle", open("e/loop1", O_RDONLY), ELOOP);
	FST_ERR("errno.ELOOP.stat_cycle", stat("e/loop1/x", &st), ELOOP);
	symlink("file", "e/lf");
	FST_ERR("errno.ELOOP.nofollow", open("e/lf", O_RDONLY | O_NOFOLLOW),
		ELOOP);
	/* /dev is another mount (devfs): no rename or link across. */
	FST_ERR("errno.EXDEV.rename_from_dev", rename("/dev/null", "e/null"),
		EXDEV);
	FST_ERR("errno.EXDEV.rename_to_dev", rename("e/file", "/dev/file"),
		EXDEV);
	FST_ERR("errno.EXDEV.link_to_dev", link("e/file", "/dev/file"), EXDEV);
	FST_TRUE("errno.EXDEV.nothing_moved", !stat("e/file", &st) &&
		 !stat("/dev/null", &st) && S_ISCHR(st.st_mode),
		 "a refused rename moved something");
}

#define NOSPACE_LIMIT (64 * 1024)

/*
 * A ramfs limited to 64 KiB mounted at @dir/small: write 4 KiB records
 * to two files until a write says ENOSPC; everything written before
 * reads back intact, a new file's first write fails too, and removing
 * a file frees its space.
 */
void fst_check_nospace(const char *dir)
{
	char path[512], rec[4096], got[4096];
	long written = 0, n, i;
	int fd, fd2, rc, intact = 1, err = 0;

	snprintf(path, sizeof(path), "%s/small", dir);
	rc = uk_vfs_mount("", path, "ramfs", 0, "size=64K");
	FST_TRUE("nospace.mount", rc == 0, "uk_vfs_mount(size=64K): %d", rc);
	if (rc)
		return;
	if (chdir(path) < 0)
		return;
	fd = open("a", O_CREAT | O_RDWR, 0644);
	fd2 = open("b", O_CREAT | O_RDWR, 0644);
	for (i = 0; i < 64; i++) {
		memset(rec, 'A' + i % 26, sizeof(rec));
		n = write(i % 2 ? fd2 : fd, rec, sizeof(rec));
		if (n < 0) {
			err = errno;
			break;
		}
		written += n;
		if (n < (long)sizeof(rec))
			break;	/* short write: the next one fails */
	}
	if (!err) {
		n = write(fd, rec, sizeof(rec));
		err = n < 0 ? errno : 0;
	}
	FST_TRUE("nospace.ENOSPC", err == ENOSPC,
		 "after %ld bytes the failing write gave errno %d", written,
		 err);
	FST_TRUE("nospace.limit_respected", written <= NOSPACE_LIMIT &&
		 written >= NOSPACE_LIMIT / 2,
		 "%ld bytes fit in a 64 KiB ramfs", written);
	/* Read every record back from the two files. */
	for (i = 0; i * 4096 < written; i++) {
		memset(rec, 'A' + i % 26, sizeof(rec));
		n = pread(i % 2 ? fd2 : fd, got, sizeof(got), (i / 2) * 4096);
		if (n != (long)sizeof(got) || memcmp(got, rec, sizeof(rec)))
			intact = 0;
	}
	FST_TRUE("nospace.written_data_intact", intact,
		 "data written before ENOSPC changed");
	rc = open("c", O_CREAT | O_WRONLY, 0644);
	FST_ERR("nospace.new_file_write", write(rc, rec, sizeof(rec)), ENOSPC);
	close(rc);
	close(fd2);
	FST_OK("nospace.unlink_frees", unlink("b"));
	FST_TRUE("nospace.write_after_free", write(fd, rec, sizeof(rec)) ==
		 (long)sizeof(rec), "no room after removing a file");
	close(fd);
	chdir(dir);
	rc = uk_vfs_unmount(path);
	FST_TRUE("nospace.unmount", rc == 0, "uk_vfs_unmount: %d", rc);
}
