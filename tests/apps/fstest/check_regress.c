/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The bugs the differential test found, each as a plain check (the
 * commit that fixed it names the seed that showed it).
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

void fst_check_regressions(const char *dir)
{
	char buf[512];
	struct stat st;
	int fd, dfd;
	long n;

	if (chdir(dir) < 0)
		return;
	/* A link as last component is not "target/". */
	symlink("target", "l");
	fd = FST_OK("regress.creat_through_link", creat("l", 0644));
	close(fd);
	FST_TRUE("regress.link_target_created", !lstat("target", &st) &&
		 S_ISREG(st.st_mode), "creat through l did not create target");
	/* unlink("link-to-dir/") acts on the link: ENOTDIR. */
	mkdir("dd", 0755);
	symlink("dd", "ld");
	FST_ERR("regress.unlink_link_slash", unlink("ld/"), ENOTDIR);
	/* O_CREAT|O_DIRECTORY made a regular file; Linux says EINVAL. */
	FST_ERR("regress.creat_directory_flag",
		open("cd", O_CREAT | O_DIRECTORY | O_RDONLY, 0755), EINVAL);
	FST_TRUE("regress.creat_directory_nothing", lstat("cd", &st) < 0,
		 "O_CREAT|O_DIRECTORY left a file behind");
	/* Empty writes. */
	fd = open("z", O_CREAT | O_RDWR | O_APPEND, 0644);
	write(fd, "0123456789", 10);
	lseek(fd, 3, SEEK_SET);
	FST_TRUE("regress.zero_write", write(fd, buf, 0) == 0,
		 "write of 0 bytes failed: errno %d", errno);
	FST_TRUE("regress.zero_append_keeps_pos", lseek(fd, 0, SEEK_CUR) == 3,
		 "an empty O_APPEND write moved the position");
	close(fd);
	fd = open("z", O_RDONLY | O_TRUNC);
	close(fd);
	FST_TRUE("regress.rdonly_trunc", !stat("z", &st) && st.st_size == 0,
		 "O_RDONLY|O_TRUNC left %lld bytes (Linux truncates)",
		 (long long)st.st_size);
	FST_ERR("regress.readlink_empty", readlink("", buf, sizeof(buf)),
		ENOENT);
	/* A directory moved while an fd is open on it, then its old
	 * ancestor moved under it through that fd: refused, no loop. */
	mkdir("a", 0755);
	mkdir("a/b", 0755);
	mkdir("x", 0755);
	dfd = open("a/b", O_RDONLY | O_DIRECTORY);
	rename("a/b", "x/b");
	FST_ERR("regress.rename_loop_stale_fd", renameat(AT_FDCWD, "x", dfd,
							 "q"),
		EINVAL);
	FST_TRUE("regress.no_loop", !stat("x/b", &st) && S_ISDIR(st.st_mode),
		 "x/b is gone");
	/* The working directory follows a rename of its parent. */
	FST_OK("regress.chdir_moved", fchdir(dfd));
	snprintf(buf, sizeof(buf), "%s/x", dir);
	snprintf(buf + 256, sizeof(buf) - 256, "%s/y", dir);
	FST_OK("regress.rename_cwd_parent", rename(buf, buf + 256));
	FST_TRUE("regress.getcwd_after_rename", getcwd(buf, sizeof(buf)) &&
		 strlen(buf) > 4 && !strcmp(buf + strlen(buf) - 4, "/y/b"),
		 "getcwd says '%s', want .../y/b", buf);
	FST_TRUE("regress.dotdot_after_rename", !stat("../../y", &st),
		 "'..' still goes to the old parent");
	chdir(dir);
	/* A removed directory still open lists nothing: ENOENT. */
	FST_OK("regress.rmdir_open_dir", rmdir("y/b"));
	n = getdents64(dfd, buf, sizeof(buf));
	FST_TRUE("regress.getdents_removed", n == -1 && errno == ENOENT,
		 "getdents64 on a removed directory = %ld", n);
	FST_ERR("regress.create_in_removed", openat(dfd, "f", O_CREAT |
						    O_WRONLY, 0644),
		ENOENT);
	/* A removed working directory: no path, no new names. */
	fchdir(dfd);
	FST_TRUE("regress.getcwd_removed", !getcwd(buf, sizeof(buf)) &&
		 errno == ENOENT, "getcwd in a removed directory: '%s'",
		 getcwd(buf, sizeof(buf)) ? buf : "(error)");
	memset(buf, 'n', NAME_MAX + 1);
	buf[NAME_MAX + 1] = 0;
	FST_ERR("regress.long_name_in_removed", open(buf, O_CREAT | O_WRONLY,
						     0644), ENOENT);
	FST_ERR("regress.link_dir_in_removed", link(".", "x"), ENOENT);
	chdir(dir);
	close(dfd);
	/* A directory renamed in the same parent: its open fd follows. */
	mkdir("r1", 0755);
	dfd = open("r1", O_RDONLY | O_DIRECTORY);
	rename("r1", "r2");
	fchdir(dfd);
	FST_TRUE("regress.getcwd_renamed_in_place",
		 getcwd(buf, sizeof(buf)) && strlen(buf) > 3 &&
		 !strcmp(buf + strlen(buf) - 3, "/r2"),
		 "getcwd says '%s', want .../r2", buf);
	chdir(dir);
	close(dfd);
}
