/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * fstree: what the initrd and hostfs tests look at from inside the guest.
 *
 *   fstree dump DIR     every object under DIR, one line each, sorted by
 *                       path: "<path> <type> <mode> <nlink> <mtime>
 *                       <size> <what>" (a link's mtime and a folder's
 *                       size print as 0) where <what> is a symbolic
 *                       link's target, "=<path>" for a further name of
 *                       a file already printed (a hard link), else the
 *                       FNV-1a 64 hash of the contents (tests/cases/
 *                       67-initrd.sh computes the same lines on the host)
 *   fstree write DIR    creates files, a folder, links, renames and
 *                       removes in DIR, as the host will check
 *   fstree escape DIR   tries to reach outside DIR (.., absolute and
 *                       relative symbolic links, links to folders);
 *                       each attempt must fail; prints its errno
 *   fstree cat FILE     prints FILE
 *   fstree alloc N      allocates and touches N bytes (the initrd's memory
 *                       went back to the heap)
 * Exit status 0 when everything went as expected, 1 otherwise.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_ENTRIES 4096

struct ent {
	char *path; /* relative to the dumped folder */
	struct stat st;
};

/* On the heap: the kvm image must stay small (it loads under 640 KiB). */
static struct ent *ents;
static int nents;
static int failures;

static void fail(const char *what, int err)
{
	printf("fstree: FAIL: %s: %s\n", what, strerror(err));
	failures++;
}

/* Collect every object below @base/@rel (rel "" is the folder itself). */
static void walk(const char *base, const char *rel)
{
	/* Static: the boot stack of kvm is small; the walk recurses. */
	static char path[PATH_MAX], sub[PATH_MAX];
	struct dirent *d;
	DIR *dir;

	snprintf(path, sizeof(path), "%s/%s", base, rel);
	dir = opendir(path);
	if (!dir) {
		fail(path, errno);
		return;
	}
	while ((d = readdir(dir))) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		if (nents == MAX_ENTRIES) {
			fail("too many entries", E2BIG);
			break;
		}
		snprintf(sub, sizeof(sub), "%s%s%s", rel, *rel ? "/" : "",
			 d->d_name);
		snprintf(path, sizeof(path), "%s/%s", base, sub);
		ents[nents].path = malloc(strlen(sub) + 1);
		if (!ents[nents].path) {
			fail("malloc", ENOMEM);
			break;
		}
		strcpy(ents[nents].path, sub);
		if (lstat(path, &ents[nents].st) < 0) {
			fail(path, errno);
			continue;
		}
		nents++;
		if (S_ISDIR(ents[nents - 1].st.st_mode))
			walk(base, ents[nents - 1].path);
	}
	closedir(dir);
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct ent *)a)->path,
		      ((const struct ent *)b)->path);
}

static unsigned long long fnv1a(const char *path, int *err)
{
	unsigned long long h = 0xcbf29ce484222325ULL;
	unsigned char buf[512];
	ssize_t n, i;
	int fd;

	*err = 0;
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		*err = errno;
		return 0;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		for (i = 0; i < n; i++)
			h = (h ^ buf[i]) * 0x100000001b3ULL;
	if (n < 0)
		*err = errno;
	close(fd);
	return h;
}

static int dump(const char *base)
{
	static char path[PATH_MAX], target[PATH_MAX];
	const char *type;
	int i, j, err;
	ssize_t n;

	ents = calloc(MAX_ENTRIES, sizeof(*ents));
	if (!ents) {
		fail("calloc", ENOMEM);
		return 1;
	}
	walk(base, "");
	qsort(ents, nents, sizeof(ents[0]), by_path);
	for (i = 0; i < nents; i++) {
		struct stat *st = &ents[i].st;

		snprintf(path, sizeof(path), "%s/%s", base, ents[i].path);
		type = S_ISDIR(st->st_mode)   ? "dir"
		       : S_ISREG(st->st_mode) ? "file"
		       : S_ISLNK(st->st_mode) ? "link"
					      : "other";
		printf("%s %s %04o %lu %lld %lld ", ents[i].path, type,
		       (unsigned int)(st->st_mode & 07777),
		       (unsigned long)st->st_nlink,
		       S_ISLNK(st->st_mode) ? 0LL : (long long)st->st_mtime,
		       S_ISDIR(st->st_mode) ? 0LL : (long long)st->st_size);
		if (S_ISLNK(st->st_mode)) {
			n = readlink(path, target, sizeof(target) - 1);
			if (n < 0) {
				fail(path, errno);
				n = 0;
			}
			target[n] = '\0';
			printf("%s\n", target);
		} else if (S_ISREG(st->st_mode)) {
			for (j = 0; j < i; j++)
				if (ents[j].st.st_ino == st->st_ino &&
				    S_ISREG(ents[j].st.st_mode))
					break;
			if (j < i) {
				printf("=%s\n", ents[j].path);
				continue;
			}
			printf("%016llx\n", fnv1a(path, &err));
			if (err)
				fail(path, err);
		} else {
			printf("-\n");
		}
	}
	return failures ? 1 : 0;
}

/* @path under @dir, in one of two static buffers (two per call at most). */
static const char *at(const char *dir, const char *path)
{
	static char buf[2][PATH_MAX];
	static int which;

	which = !which;
	snprintf(buf[which], sizeof(buf[which]), "%s/%s", dir, path);
	return buf[which];
}

#define CHECK(what, expr)                  \
	do {                               \
		if ((expr) < 0)            \
			fail(what, errno); \
	} while (0)

static int write_tree(const char *dir)
{
	static const char text[] = "written by the guest\n";
	int fd;

	fd = open(at(dir, "guest.txt"), O_WRONLY | O_CREAT | O_EXCL, 0640);
	CHECK("create guest.txt", fd);
	if (fd >= 0) {
		CHECK("write guest.txt", write(fd, text, sizeof(text) - 1));
		CHECK("fsync guest.txt", fsync(fd));
		close(fd);
	}
	CHECK("mkdir guestdir", mkdir(at(dir, "guestdir"), 0750));
	fd = open(at(dir, "guestdir/inner"), O_WRONLY | O_CREAT | O_TRUNC,
		  0644);
	CHECK("create guestdir/inner", fd);
	if (fd >= 0) {
		CHECK("write guestdir/inner", write(fd, "inner 42\n", 9));
		close(fd);
	}
	CHECK("chmod guestdir/inner", chmod(at(dir, "guestdir/inner"), 0600));
	CHECK("symlink guestlink", symlink("guest.txt", at(dir, "guestlink")));
	CHECK("link guesthard",
	      link(at(dir, "guest.txt"), at(dir, "guesthard")));
	CHECK("rename host.txt",
	      rename(at(dir, "host.txt"), at(dir, "renamed.txt")));
	CHECK("unlink delete-me", unlink(at(dir, "delete-me")));
	CHECK("truncate renamed.txt", truncate(at(dir, "renamed.txt"), 4));
	if (!failures)
		printf("fstree: write OK\n");
	return failures ? 1 : 0;
}

/* One escape attempt: it must fail; prints how. */
static void attempt(const char *what, int rc)
{
	if (rc >= 0) {
		printf("fstree: ESCAPED: %s succeeded\n", what);
		failures++;
		return;
	}
	printf("fstree: escape refused: %s: %s\n", what, strerror(errno));
}

/*
 * Reads that would reach the host's files beside the folder if a name,
 * ".." or a link escaped it: each must fail (the folder holds no
 * outside.txt). Then one create through "..": it must land in the
 * guest's own tree (the folder, or the root above its mount point),
 * which the host checks.
 */
static int escape(const char *dir)
{
	char buf[64];
	int fd;

	fd = open(at(dir, "../../../../../../outside.txt"), O_RDONLY);
	attempt("open ../../outside.txt", fd);
	fd = open(at(dir, "abs-link"), O_WRONLY | O_TRUNC);
	attempt("write through abs-link (absolute host path)", fd);
	fd = open(at(dir, "rel-link"), O_RDWR);
	attempt("open rel-link (../outside.txt)", fd);
	fd = open(at(dir, "dir-link/outside.txt"), O_RDONLY);
	attempt("open dir-link/outside.txt (link to the parent folder)", fd);
	attempt("mkdir dir-link/newdir",
		mkdir(at(dir, "dir-link/newdir"), 0755));
	attempt("readlink dir-link/x",
		readlink(at(dir, "dir-link/x"), buf, sizeof(buf)));
	CHECK("symlink up", symlink("../../../../../..", at(dir, "up")));
	fd = open(at(dir, "up/outside.txt"), O_RDONLY);
	attempt("open up/outside.txt (guest link to ../../..)", fd);
	fd = open(at(dir, "../../../../../../outside.txt"),
		  O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		printf("fstree: create ../../outside.txt: %s\n",
		       strerror(errno));
	} else {
		CHECK("write", write(fd, "guest\n", 6));
		close(fd);
		printf("fstree: create ../../outside.txt: created in the "
		       "guest's tree\n");
	}
	printf("fstree: escape done, %d escaped\n", failures);
	return failures ? 1 : 0;
}

static int cat(const char *path)
{
	static char buf[256];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		fail(path, errno);
		return 1;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		fwrite(buf, 1, n, stdout);
	close(fd);
	return 0;
}

int main(int argc, char *argv[])
{
	if (argc == 3 && !strcmp(argv[1], "dump"))
		return dump(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "write"))
		return write_tree(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "escape"))
		return escape(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "cat"))
		return cat(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "alloc")) {
		size_t n = strtoul(argv[2], NULL, 0);
		char *p = malloc(n);

		if (!p) {
			printf("fstree: cannot allocate %zu bytes\n", n);
			return 1;
		}
		memset(p, 0x5a, n);
		printf("fstree: allocated %zu bytes\n", n);
		return 0;
	}
	printf("usage: fstree dump|write|escape|cat PATH | alloc N\n");
	return 2;
}
