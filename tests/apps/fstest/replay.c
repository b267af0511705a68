/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The differential test's operations (see replay.h). Every choice comes
 * from the seeded generator and none from a result, so both sides run
 * the same sequence even after they diverge. Results are printed in a
 * form that does not depend on things the two systems may legitimately
 * differ in: fd numbers, inode numbers, timestamps, directory sizes and
 * block counts are left out; everything else (return values, errno,
 * bytes read, sizes, modes, link counts, link targets, sorted directory
 * listings) is printed.
 */
#define _GNU_SOURCE /* getdents64 in glibc */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "replay.h"

#define NSLOT	6		/* open files the sequence juggles */
#define NDSLOT	2		/* open directories, for the *at() calls */
#define BUFMAX	12288		/* largest read or write */
#define NLIST	256		/* entries listed per directory */

static uint64_t rstate;
static int slot[NSLOT], dslot[NDSLOT];
static char base[1024];		/* the absolute path of DIR/w */
static unsigned char buf[BUFMAX];

static uint64_t rnext(void)
{
	/* xorshift64*: small and the same everywhere. */
	rstate ^= rstate >> 12;
	rstate ^= rstate << 25;
	rstate ^= rstate >> 27;
	return rstate * 2685821657736338717ULL;
}

static unsigned int rnd(unsigned int n)
{
	return (unsigned int)((rnext() >> 33) % n);
}

static uint32_t fnv(const unsigned char *p, size_t n, uint32_t h)
{
	while (n--)
		h = (h ^ *p++) * 16777619u;
	return h;
}

static const char *const names[] = { "a", "b", "c", "d", "e" };

/* A path in the small tree, now and then one that must fail. */
static void gen_path(char *p, size_t size)
{
	unsigned int r = rnd(100), depth, i;
	size_t n = 0;

	if (r < 2) {
		p[0] = 0;
		return;
	}
	if (r < 4) {
		memset(p, 'n', 256);	/* NAME_MAX + 1 */
		p[256] = 0;
		return;
	}
	if (r < 6) {
		snprintf(p, size, ".");
		return;
	}
	depth = rnd(10) < 6 ? 1 : rnd(10) < 7 ? 2 : 3;
	for (i = 0; i < depth; i++)
		n += snprintf(p + n, size - n, "%s%s", i ? "/" : "",
			      names[rnd(5)]);
	if (r < 9)
		n += snprintf(p + n, size - n, "/../%s", names[rnd(5)]);
	else if (r < 12)
		n += snprintf(p + n, size - n, "/");
	else if (r < 14)
		n += snprintf(p + n, size - n, "/.");
}

/* @p for printing: the over-long name in short. */
static const char *P(const char *p)
{
	return strlen(p) > NAME_MAX ? "<256 n>" : p;
}

static void res(long rc)
{
	if (rc < 0)
		printf(" = -1 e%d\n", errno);
	else
		printf(" = %ld\n", rc);
}

static char type_char(mode_t m)
{
	return S_ISREG(m) ? 'f' : S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : 'o';
}

static void print_stat(int rc, const struct stat *st)
{
	if (rc < 0) {
		res(rc);
		return;
	}
	printf(" = 0 %c %04o n%lu", type_char(st->st_mode),
	       (unsigned int)(st->st_mode & 07777),
	       (unsigned long)st->st_nlink);
	if (!S_ISDIR(st->st_mode))
		printf(" s%lld", (long long)st->st_size);
	printf("\n");
}

static void res(long rc);
static void free_list(char **v, int n);

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* @path's entries sorted, each "name:type", in @out (caller frees). */
static int list_dir(const char *path, char ***out, int *count)
{
	struct dirent *de;
	char **v;
	int n = 0;
	DIR *d;

	d = opendir(path);
	if (!d)
		return -1;
	v = calloc(NLIST, sizeof(*v));
	while (v && (de = readdir(d)) && n < NLIST) {
		v[n] = malloc(strlen(de->d_name) + 3);
		if (!v[n])
			break;
		sprintf(v[n], "%s:%d", de->d_name, de->d_type);
		n++;
	}
	closedir(d);
	qsort(v, n, sizeof(*v), cmp_str);
	*out = v;
	*count = n;
	return 0;
}

/* An open directory's entries from its start, via getdents64. */
static void list_fd(int fd)
{
	char dbuf[2048], *v[NLIST], *name;
	unsigned short reclen;
	long n, pos;
	int i, cnt = 0;

	if (lseek(fd, 0, SEEK_SET) < 0) {
		res(-1);
		return;
	}
	while ((n = getdents64(fd, dbuf, sizeof(dbuf))) > 0)
		for (pos = 0; pos < n; pos += reclen) {
			memcpy(&reclen, dbuf + pos + 16, 2);
			name = dbuf + pos + 19;
			if (cnt < NLIST) {
				v[cnt] = malloc(strlen(name) + 5);
				sprintf(v[cnt++], "%s:%d", name,
					dbuf[pos + 18]);
			}
		}
	if (n < 0) {
		res(-1);
		while (cnt--)
			free(v[cnt]);
		return;
	}
	qsort(v, cnt, sizeof(*v), cmp_str);
	printf(" = %d", cnt);
	for (i = 0; i < cnt; i++)
		printf(" %s", v[i]);
	printf("\n");
	while (cnt--)
		free(v[cnt]);
}

static void free_list(char **v, int n)
{
	while (n--)
		free(v[n]);
	free(v);
}

static void fill(long step, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		buf[i] = (unsigned char)(step * 131 + i * 7 + (i >> 8));
}

static int gen_flags(unsigned int *abstract)
{
	static const int acc[] = { O_RDONLY, O_WRONLY, O_RDWR };
	unsigned int a = rnd(3);
	int f = acc[a];

	if (rnd(3)) {
		f |= O_CREAT, a |= 4;
		if (!rnd(4))
			f |= O_EXCL, a |= 8;
		if (!rnd(40))	/* EINVAL on Linux 6.4+ */
			f |= O_DIRECTORY, a |= 16;
	} else if (!rnd(8)) {
		f |= O_DIRECTORY, a |= 16;
	}
	if (!rnd(5))
		f |= O_TRUNC, a |= 32;
	if (!rnd(5))
		f |= O_APPEND, a |= 64;
	if (!rnd(10))
		f |= O_NOFOLLOW, a |= 128;
	*abstract = a;
	return f;
}

static mode_t gen_mode(void)
{
	static const mode_t m[] = { 0644, 0600, 0755, 0444, 0700, 0666 };

	return m[rnd(6)];
}

static off_t gen_len(void)
{
	unsigned int r = rnd(100);

	if (r < 3)
		return -1;
	if (r < 6)
		return (off_t)(1 << 20) + rnd(5000);
	if (r < 20)
		return rnd(10);
	return rnd(30000);
}

/* Put @fd in slot @s, closing what was there. */
static void set_slot(int s, int fd)
{
	if (slot[s] >= 0)
		close(slot[s]);
	slot[s] = fd;
}

enum op {
	OP_OPEN, OP_CREAT, OP_CLOSE, OP_WRITE, OP_PWRITE, OP_READ, OP_PREAD,
	OP_LSEEK, OP_TRUNCATE, OP_FTRUNCATE, OP_MKDIR, OP_RMDIR, OP_UNLINK,
	OP_RENAME, OP_LINK, OP_SYMLINK, OP_READLINK, OP_STAT, OP_LSTAT,
	OP_FSTAT, OP_GETDENTS, OP_CHMOD, OP_ACCESS, OP_FSYNC, OP_DIROPEN,
	OP_AT, OP_FDLIST, OP_CHDIR, OP_COUNT
};

/* Relative frequencies: data and namespace changes dominate. */
static const unsigned char weight[OP_COUNT] = {
	[OP_OPEN] = 14, [OP_CREAT] = 4, [OP_CLOSE] = 2, [OP_WRITE] = 10,
	[OP_PWRITE] = 6, [OP_READ] = 8, [OP_PREAD] = 5, [OP_LSEEK] = 5,
	[OP_TRUNCATE] = 3, [OP_FTRUNCATE] = 3, [OP_MKDIR] = 5,
	[OP_RMDIR] = 4, [OP_UNLINK] = 5, [OP_RENAME] = 7, [OP_LINK] = 4,
	[OP_SYMLINK] = 4, [OP_READLINK] = 2, [OP_STAT] = 5, [OP_LSTAT] = 3,
	[OP_FSTAT] = 3, [OP_GETDENTS] = 4, [OP_CHMOD] = 2, [OP_ACCESS] = 2,
	[OP_FSYNC] = 1, [OP_DIROPEN] = 3, [OP_AT] = 8, [OP_FDLIST] = 2,
	[OP_CHDIR] = 2,
};

static enum op gen_op(void)
{
	unsigned int total = 0, r, i;

	for (i = 0; i < OP_COUNT; i++)
		total += weight[i];
	r = rnd(total);
	for (i = 0; r >= weight[i]; i++)
		r -= weight[i];
	return (enum op)i;
}

static void step(long n)
{
	char p1[300], p2[300], cwd[1024];
	unsigned int af, s = 0;
	struct stat st;
	ssize_t rc;
	off_t off;
	size_t len;
	char **v;
	int i, fd, flags, cnt;
	mode_t mode;

	printf("R %ld ", n);
	switch (gen_op()) {
	case OP_OPEN:
		gen_path(p1, sizeof(p1));
		flags = gen_flags(&af);
		mode = gen_mode();
		s = rnd(NSLOT);
		printf("open %s f%x %o s%u", P(p1), af, mode, s);
		fd = open(p1, flags, mode);
		if (fd >= 0)
			set_slot(s, fd);
		res(fd < 0 ? fd : 0);
		break;
	case OP_CREAT:
		gen_path(p1, sizeof(p1));
		mode = gen_mode();
		s = rnd(NSLOT);
		printf("creat %s %o s%u", P(p1), mode, s);
		fd = creat(p1, mode);
		if (fd >= 0)
			set_slot(s, fd);
		res(fd < 0 ? fd : 0);
		break;
	case OP_CLOSE:
		s = rnd(NSLOT);
		printf("close s%u", s);
		res(slot[s] < 0 ? (errno = EBADF, -1) : close(slot[s]));
		slot[s] = -1;
		break;
	case OP_WRITE:
	case OP_PWRITE:
		s = rnd(NSLOT);
		len = rnd(10) ? rnd(BUFMAX) : rnd(8);
		fill(n, len);
		if (rnd(2) && weight[OP_PWRITE]) {
			off = rnd(20) ? rnd(30000) : (1 << 20) + rnd(100);
			printf("pwrite s%u %zu %lld", s, len, (long long)off);
			res(pwrite(slot[s], buf, len, off));
		} else {
			printf("write s%u %zu", s, len);
			res(write(slot[s], buf, len));
		}
		break;
	case OP_READ:
	case OP_PREAD:
		s = rnd(NSLOT);
		len = rnd(BUFMAX);
		if (rnd(2)) {
			off = rnd(20) ? rnd(30000) : (1 << 20) + rnd(100);
			printf("pread s%u %zu %lld", s, len, (long long)off);
			rc = pread(slot[s], buf, len, off);
		} else {
			printf("read s%u %zu", s, len);
			rc = read(slot[s], buf, len);
		}
		if (rc >= 0)
			printf(" = %zd h%08x\n", rc, fnv(buf, rc, 2166136261u));
		else
			res(rc);
		break;
	case OP_LSEEK:
		s = rnd(NSLOT);
		i = rnd(3);
		off = (off_t)rnd(30000) - (i == SEEK_SET ? 100 : 15000);
		printf("lseek s%u %lld %d", s, (long long)off, i);
		res(lseek(slot[s], off, i));
		break;
	case OP_TRUNCATE:
		gen_path(p1, sizeof(p1));
		off = gen_len();
		printf("truncate %s %lld", P(p1), (long long)off);
		res(truncate(p1, off));
		break;
	case OP_FTRUNCATE:
		s = rnd(NSLOT);
		off = gen_len();
		printf("ftruncate s%u %lld", s, (long long)off);
		res(ftruncate(slot[s], off));
		break;
	case OP_MKDIR:
		gen_path(p1, sizeof(p1));
		mode = gen_mode();
		printf("mkdir %s %o", P(p1), mode);
		res(mkdir(p1, mode));
		break;
	case OP_RMDIR:
		gen_path(p1, sizeof(p1));
		printf("rmdir %s", P(p1));
		res(rmdir(p1));
		break;
	case OP_UNLINK:
		gen_path(p1, sizeof(p1));
		printf("unlink %s", P(p1));
		res(unlink(p1));
		break;
	case OP_RENAME:
		gen_path(p1, sizeof(p1));
		gen_path(p2, sizeof(p2));
		printf("rename %s %s", P(p1), P(p2));
		res(rename(p1, p2));
		break;
	case OP_LINK:
		gen_path(p1, sizeof(p1));
		gen_path(p2, sizeof(p2));
		printf("link %s %s", P(p1), P(p2));
		res(link(p1, p2));
		break;
	case OP_SYMLINK:
		/* Relative targets only: the two trees live elsewhere. */
		if (rnd(8))
			gen_path(p1, sizeof(p1));
		else
			snprintf(p1, sizeof(p1), "../%s", names[rnd(5)]);
		gen_path(p2, sizeof(p2));
		printf("symlink %s %s", P(p1), P(p2));
		res(symlink(p1, p2));
		break;
	case OP_READLINK:
		gen_path(p1, sizeof(p1));
		len = rnd(4) ? sizeof(p2) - 1 : 1 + rnd(4);	/* truncated */
		printf("readlink %s %zu", P(p1), len);
		rc = readlink(p1, p2, len);
		if (rc >= 0)
			printf(" = %zd '%.*s'\n", rc, (int)rc, p2);
		else
			res(rc);
		break;
	case OP_STAT:
	case OP_LSTAT:
		gen_path(p1, sizeof(p1));
		if (rnd(3)) {
			printf("stat %s", P(p1));
			print_stat(stat(p1, &st), &st);
		} else {
			printf("lstat %s", P(p1));
			print_stat(lstat(p1, &st), &st);
		}
		break;
	case OP_FSTAT:
		s = rnd(NSLOT);
		printf("fstat s%u", s);
		print_stat(fstat(slot[s], &st), &st);
		break;
	case OP_GETDENTS:
		gen_path(p1, sizeof(p1));
		printf("getdents %s", P(p1));
		if (list_dir(p1, &v, &cnt) < 0) {
			res(-1);
			break;
		}
		printf(" = %d", cnt);
		for (i = 0; i < cnt; i++)
			printf(" %s", v[i]);
		printf("\n");
		free_list(v, cnt);
		break;
	case OP_CHMOD:
		gen_path(p1, sizeof(p1));
		mode = gen_mode();
		printf("chmod %s %o", P(p1), mode);
		res(chmod(p1, mode));
		break;
	case OP_ACCESS:
		gen_path(p1, sizeof(p1));
		i = (int)rnd(3) * 2;	/* F_OK, W_OK, R_OK: root on Linux */
		printf("access %s %d", P(p1), i);
		res(access(p1, i));
		break;
	case OP_FSYNC:
		s = rnd(NSLOT);
		printf("fsync s%u", s);
		res(fsync(slot[s]));
		break;
	case OP_DIROPEN:
		gen_path(p1, sizeof(p1));
		s = rnd(NDSLOT);
		printf("opendir %s d%u", P(p1), s);
		fd = open(p1, O_RDONLY | O_DIRECTORY);
		if (fd >= 0) {
			if (dslot[s] >= 0)
				close(dslot[s]);
			dslot[s] = fd;
		}
		res(fd < 0 ? fd : 0);
		break;
	case OP_AT:
		/* One name relative to an open directory (maybe removed). */
		s = rnd(NDSLOT);
		snprintf(p1, sizeof(p1), "%s", names[rnd(5)]);
		switch (rnd(6)) {
		case 0:
			mode = gen_mode();
			printf("mkdirat d%u %s %o", s, p1, mode);
			res(mkdirat(dslot[s], p1, mode));
			break;
		case 1:
			i = rnd(NSLOT);
			printf("openat d%u %s s%d", s, p1, i);
			fd = openat(dslot[s], p1, O_RDWR | O_CREAT, 0644);
			if (fd >= 0)
				set_slot(i, fd);
			res(fd < 0 ? fd : 0);
			break;
		case 2:
			i = rnd(2) ? AT_REMOVEDIR : 0;
			printf("unlinkat d%u %s %x", s, p1, i);
			res(unlinkat(dslot[s], p1, i));
			break;
		case 3:
			printf("fstatat d%u %s", s, p1);
			print_stat(fstatat(dslot[s], p1, &st,
					   AT_SYMLINK_NOFOLLOW), &st);
			break;
		case 4:
			gen_path(p2, sizeof(p2));
			printf("renameat d%u %s %s", s, p1, P(p2));
			res(renameat(dslot[s], p1, AT_FDCWD, p2));
			break;
		default:
			gen_path(p2, sizeof(p2));
			printf("symlinkat %s d%u %s", P(p2), s, p1);
			res(symlinkat(p2, dslot[s], p1));
			break;
		}
		break;
	case OP_CHDIR:
		/*
		 * Into a folder of the tree or an open directory, or back;
		 * the new working directory is printed relative to DIR/w.
		 * One that left DIR/w (through "../x" links) is left at once,
		 * so that the host side never works outside its folder.
		 */
		i = rnd(4);
		if (i == 0) {
			printf("chdir base");
			res(chdir(base));
			break;
		}
		if (i == 1) {
			s = rnd(NDSLOT);
			printf("fchdir d%u", s);
			rc = fchdir(dslot[s]);
		} else {
			gen_path(p1, sizeof(p1));
			printf("chdir %s", P(p1));
			rc = chdir(p1);
		}
		if (rc < 0) {
			res(rc);
			break;
		}
		if (!getcwd(cwd, sizeof(cwd))) {
			printf(" = 0 getcwd e%d\n", errno);
		} else if (strncmp(cwd, base, strlen(base)) ||
			   (cwd[strlen(base)] && cwd[strlen(base)] != '/')) {
			printf(" = 0 outside\n");
			if (chdir(base) < 0)
				printf("R cannot return to w\n");
		} else {
			printf(" = 0 cwd=.%s\n", cwd + strlen(base));
		}
		break;
	case OP_FDLIST:
		s = rnd(NDSLOT);
		printf("getdents64 d%u", s);
		list_fd(dslot[s]);
		break;
	default:
		printf("?\n");
	}
}

/* Print the tree under @path (sorted, depth first). */
static void dump(const char *path, int depth)
{
	char sub[1024], target[300];
	struct stat st;
	uint32_t h;
	ssize_t rc;
	char **v;
	int i, n, fd;

	if (depth > 8 || list_dir(path, &v, &n) < 0) {
		printf("R tree %s unreadable e%d\n", path, errno);
		return;
	}
	for (i = 0; i < n; i++) {
		*strrchr(v[i], ':') = 0;
		if (!strcmp(v[i], ".") || !strcmp(v[i], ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, v[i]);
		printf("R tree %s", sub);
		if (lstat(sub, &st) < 0) {
			res(-1);
			continue;
		}
		print_stat(0, &st);
		if (S_ISLNK(st.st_mode)) {
			rc = readlink(sub, target, sizeof(target));
			printf("R tree %s -> %.*s\n", sub,
			       (int)(rc < 0 ? 0 : rc),
			       target);
		} else if (S_ISREG(st.st_mode)) {
			h = 2166136261u;
			fd = open(sub, O_RDONLY);
			while (fd >= 0 && (rc = read(fd, buf, BUFMAX)) > 0)
				h = fnv(buf, rc, h);
			if (fd >= 0)
				close(fd);
			printf("R tree %s h%08x\n", sub, h);
		} else if (S_ISDIR(st.st_mode)) {
			dump(sub, depth + 1);
		}
	}
	free_list(v, n);
}

int fsreplay(uint64_t seed, long count, const char *dir)
{
	long n;
	int s;

	/*
	 * The sequence runs in @dir/w, so that symbolic links to "../x"
	 * stay inside @dir, which the final listing covers.
	 */
	if (chdir(dir) < 0 || mkdir("w", 0755) < 0 || chdir("w") < 0 ||
	    !getcwd(base, sizeof(base))) {
		printf("R cannot use %s: errno %d\n", dir, errno);
		return 1;
	}
	umask(022);
	rstate = seed * 0x9e3779b97f4a7c15ULL + 1;
	for (s = 0; s < NSLOT; s++)
		slot[s] = -1;
	for (s = 0; s < NDSLOT; s++)
		dslot[s] = -1;
	printf("R seed %llu count %ld\n", (unsigned long long)seed, count);
	for (n = 0; n < count; n++)
		step(n);
	for (s = 0; s < NSLOT; s++)
		set_slot(s, -1);
	for (s = 0; s < NDSLOT; s++)
		if (dslot[s] >= 0)
			close(dslot[s]);
	if (chdir(base) < 0)
		printf("R cannot return to w: errno %d\n", errno);
	dump("..", 0);
	printf("R end\n");
	return 0;
}
