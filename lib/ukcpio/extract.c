/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Unpacking a cpio archive into the file tree through vfscore's system
 * calls, member by member, as Linux's initramfs does:
 *  - a directory is created (or an existing one kept); its mode now, its
 *    modification time at the end, since creating its children would
 *    change it again;
 *  - a regular file is created and written; a member with nlink >= 2
 *    whose (device, inode) was seen before becomes a hard link to the
 *    first name, and its data (cpio -o puts it on the last link) is
 *    written through the link;
 *  - a symbolic link is created with the member's data as its target;
 *  - an existing non-directory at the path is replaced.
 * Missing parent folders are made (an archive may list a folder after
 * its contents, as `find -depth` does). No member is created through a
 * symbolic link: every parent of a path
 * is checked with lstat (the archive's own links included), so that an
 * archive holding "x -> /elsewhere" then "x/file" cannot write outside
 * the folder it is unpacked into.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <uk/cpio.h>
#include <uk/fdtab.h>
#include <uk/print.h>
#include <uk/vfs_sys.h>

/* A regular file with several links, by its first name. */
struct link {
	struct link *next;
	uint32_t devmajor, devminor, ino;
	char path[];
};

/* A directory whose time is set once everything is unpacked. */
struct dirtime {
	struct dirtime *next;
	uint32_t mtime;
	char path[];
};

struct extract {
	struct uk_cpio_reader *r;
	const struct uk_cpio_entry *e;
	char *path; /* dest + "/" + the member's path */
	size_t destlen;
	/* The last parent found free of symbolic links (a prefix of path). */
	char *checked;
	size_t checkedlen;
	struct link *links;
	struct dirtime *dirs;
};

/* Record a file-system error against the current member. */
static int fs_fail(struct extract *x, int rc, const char *why)
{
	x->r->err = why;
	x->r->err_off = x->e->offset;
	x->r->err_name = x->e->name;
	x->r->err_namelen = strlen(x->e->name);
	return rc;
}

static void *new_record(size_t head, const char *path)
{
	size_t len = strlen(path) + 1;
	char *p = malloc(head + len);

	if (p)
		memcpy(p + head, path, len);
	return p;
}

/*
 * The parents of x->path below the destination are directories, not
 * symbolic links. Entries come grouped by folder, so the last parent
 * checked is remembered and a member in the same folder costs nothing.
 */
static int check_parents(struct extract *x)
{
	char *slash = strrchr(x->path, '/');
	size_t parentlen = slash ? (size_t)(slash - x->path) : 0;
	struct stat st;
	size_t i;
	long rc;

	if (parentlen <= x->destlen)
		return 0;
	if (parentlen == x->checkedlen &&
	    !memcmp(x->checked, x->path, parentlen))
		return 0;
	for (i = x->destlen + 1; i <= parentlen; i++) {
		if (i < parentlen && x->path[i] != '/')
			continue;
		if (x->path[i - 1] == '/')
			continue;
		x->path[i] = '\0';
		rc = uk_sys_newfstatat(AT_FDCWD, x->path, &st,
				       AT_SYMLINK_NOFOLLOW);
		/*
		 * `find -depth | cpio -o` lists a folder after its contents:
		 * make it now (as cpio -id does); its own member, later,
		 * sets its mode and time.
		 */
		if (rc == -ENOENT) {
			rc = uk_sys_mkdirat(AT_FDCWD, x->path, 0755);
			st.st_mode = S_IFDIR;
		}
		x->path[i] = '/';
		if (rc < 0)
			return fs_fail(x, rc, "cannot make a parent folder");
		if (S_ISLNK(st.st_mode))
			return fs_fail(x, -ELOOP,
				       "a parent is a symbolic link (refused: "
				       "it could lead outside)");
		if (!S_ISDIR(st.st_mode))
			return fs_fail(x, -ENOTDIR,
				       "a parent is not a directory");
	}
	memcpy(x->checked, x->path, parentlen);
	x->checkedlen = parentlen;
	return 0;
}

/*
 * Make room for a new non-directory at x->path: remove what is there
 * (an empty directory included). Returns 0 when the path is free.
 */
static int make_room(struct extract *x)
{
	struct stat st;
	long rc;

	rc = uk_sys_newfstatat(AT_FDCWD, x->path, &st, AT_SYMLINK_NOFOLLOW);
	if (rc == -ENOENT)
		return 0;
	if (rc < 0)
		return fs_fail(x, rc, "cannot look at the existing file");
	rc = uk_sys_unlinkat(AT_FDCWD, x->path,
			     S_ISDIR(st.st_mode) ? AT_REMOVEDIR : 0);
	if (rc < 0)
		return fs_fail(x, rc, "cannot replace the existing file");
	/* The folder we checked may be gone: check again next time. */
	x->checkedlen = 0;
	return 0;
}

static int do_dir(struct extract *x)
{
	const struct uk_cpio_entry *e = x->e;
	struct dirtime *d;
	struct stat st;
	long rc;

	rc = uk_sys_mkdirat(AT_FDCWD, x->path, e->mode & 07777);
	if (rc == -EEXIST) {
		rc = uk_sys_newfstatat(AT_FDCWD, x->path, &st,
				       AT_SYMLINK_NOFOLLOW);
		if (rc == 0 && !S_ISDIR(st.st_mode)) {
			rc = make_room(x);
			if (rc < 0)
				return rc;
			rc = uk_sys_mkdirat(AT_FDCWD, x->path, e->mode & 07777);
		}
	}
	if (rc < 0)
		return fs_fail(x, rc, "cannot create the directory");
	d = new_record(offsetof(struct dirtime, path), x->path);
	if (!d)
		return fs_fail(x, -ENOMEM, "out of memory");
	d->mtime = e->mtime;
	d->next = x->dirs;
	x->dirs = d;
	return 0;
}

static struct link *find_link(struct extract *x)
{
	const struct uk_cpio_entry *e = x->e;
	struct link *l;

	for (l = x->links; l; l = l->next)
		if (l->ino == e->ino && l->devmajor == e->devmajor &&
		    l->devminor == e->devminor)
			return l;
	return NULL;
}

static int write_all(struct extract *x, int fd)
{
	const char *p = x->e->data;
	size_t left = x->e->size;
	long rc;

	while (left) {
		rc = uk_sys_write(fd, p, left);
		if (rc == 0)
			rc = -EIO;
		if (rc < 0)
			return fs_fail(x, rc, "cannot write the file");
		p += rc;
		left -= rc;
	}
	return 0;
}

static int do_file(struct extract *x)
{
	const struct uk_cpio_entry *e = x->e;
	int flags = O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC;
	struct link *l = NULL;
	long rc, fd;

	rc = make_room(x);
	if (rc < 0)
		return rc;
	if (e->nlink >= 2) {
		l = find_link(x);
		if (l) {
			rc = uk_sys_linkat(AT_FDCWD, l->path, AT_FDCWD, x->path,
					   0);
			if (rc < 0)
				return fs_fail(x, rc,
					       "cannot create the hard link");
			/* The data, if any, is the whole file's. */
			if (!e->size)
				return 0;
		} else {
			l = new_record(offsetof(struct link, path), x->path);
			if (!l)
				return fs_fail(x, -ENOMEM, "out of memory");
			l->ino = e->ino;
			l->devmajor = e->devmajor;
			l->devminor = e->devminor;
			l->next = x->links;
			x->links = l;
		}
	}
	fd = uk_sys_openat(AT_FDCWD, x->path, flags, e->mode & 07777);
	if (fd < 0)
		return fs_fail(x, fd, "cannot create the file");
	rc = write_all(x, fd);
	uk_sys_close(fd);
	return rc;
}

static int do_symlink(struct extract *x)
{
	const struct uk_cpio_entry *e = x->e;
	char *target;
	long rc;

	if (e->size == 0 || e->size >= PATH_MAX ||
	    memchr(e->data, '\0', e->size))
		return fs_fail(x, -EINVAL,
			       "bad symbolic link target (empty, too long or "
			       "with a NUL)");
	rc = make_room(x);
	if (rc < 0)
		return rc;
	target = malloc(e->size + 1);
	if (!target)
		return fs_fail(x, -ENOMEM, "out of memory");
	memcpy(target, e->data, e->size);
	target[e->size] = '\0';
	rc = uk_sys_symlinkat(target, AT_FDCWD, x->path);
	free(target);
	if (rc < 0)
		return fs_fail(x, rc, "cannot create the symbolic link");
	return 0;
}

static void set_mtime(const char *path, uint32_t mtime)
{
	struct timespec ts[2] = {
		{ .tv_sec = mtime, .tv_nsec = 0 },
		{ .tv_sec = mtime, .tv_nsec = 0 },
	};

	/* A file system without times (or link times) loses nothing else. */
	uk_sys_utimensat(AT_FDCWD, path, ts, AT_SYMLINK_NOFOLLOW);
}

/* Owner, mode (creation went through the umask) and time. */
static int set_attrs(struct extract *x)
{
	const struct uk_cpio_entry *e = x->e;
	long rc;

	/* Ownership is kept where the file system can; it may not. */
	uk_sys_fchownat(AT_FDCWD, x->path, e->uid, e->gid, AT_SYMLINK_NOFOLLOW);
	if (!S_ISLNK(e->mode)) {
		rc = uk_sys_fchmodat(AT_FDCWD, x->path, e->mode & 07777, 0);
		if (rc < 0)
			return fs_fail(x, rc, "cannot set the mode");
	}
	if (!S_ISDIR(e->mode))
		set_mtime(x->path, e->mtime);
	return 0;
}

static int extract_one(struct extract *x)
{
	const struct uk_cpio_entry *e = x->e;
	int rc;

	if (x->destlen + 1 + e->pathlen >= PATH_MAX)
		return fs_fail(x, -ENAMETOOLONG,
			       "name too long once under the destination");
	memcpy(x->path + x->destlen + 1, e->path, e->pathlen);
	x->path[x->destlen + 1 + e->pathlen] = '\0';
	/* "a/b/" is "a/b". */
	while (e->pathlen && x->path[strlen(x->path) - 1] == '/')
		x->path[strlen(x->path) - 1] = '\0';

	if (e->pathlen == 0) {
		/*
		 * The top folder itself ("."): its mode comes from wherever
		 * the archive was made (often a private temporary folder);
		 * the destination keeps its own.
		 */
		return 0;
	}
	rc = check_parents(x);
	if (rc < 0)
		return rc;
	switch (e->mode & S_IFMT) {
	case S_IFDIR:
		rc = do_dir(x);
		break;
	case S_IFREG:
		rc = do_file(x);
		break;
	case S_IFLNK:
		rc = do_symlink(x);
		break;
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		uk_pr_warn("cpio: %s: device node, FIFO or socket skipped "
			   "(devfs provides the devices)",
			   e->name);
		return 0;
	default:
		return fs_fail(x, -EINVAL, "unknown file type in the mode");
	}
	if (rc < 0)
		return rc;
	return set_attrs(x);
}

int uk_cpio_extract(const void *buf, size_t len, const char *dest,
		    struct uk_cpio_reader *r)
{
	struct uk_cpio_reader own;
	struct uk_cpio_entry e;
	struct extract x = { .e = &e };
	struct dirtime *d;
	struct link *l;
	struct stat st;
	int rc;

	if (!r)
		r = &own;
	uk_cpio_reader_init(r, buf, len);
	x.r = r;
	x.destlen = strlen(dest);
	while (x.destlen > 0 && dest[x.destlen - 1] == '/')
		x.destlen--;
	if (x.destlen >= PATH_MAX - 2) {
		r->err = "destination path too long";
		return -ENAMETOOLONG;
	}
	x.path = malloc(PATH_MAX);
	x.checked = malloc(PATH_MAX);
	if (!x.path || !x.checked) {
		rc = -ENOMEM;
		r->err = "out of memory";
		goto out_free;
	}
	memcpy(x.path, dest, x.destlen);
	x.path[x.destlen] = '\0';
	/* Say so once, rather than fail on the first member. */
	rc = uk_sys_newfstatat(AT_FDCWD, x.destlen ? x.path : "/", &st, 0);
	if (rc == 0 && !S_ISDIR(st.st_mode))
		rc = -ENOTDIR;
	if (rc < 0) {
		r->err = "cannot unpack: the destination is not a folder (is a "
			 "root file system mounted?)";
		goto out_free;
	}
	x.path[x.destlen] = '/';

	while ((rc = uk_cpio_next(r, &e)) == 1) {
		rc = extract_one(&x);
		if (rc < 0)
			break;
	}
	/* Directory times last: their children changed them meanwhile. */
	for (d = x.dirs; d; d = d->next)
		if (rc == 0)
			set_mtime(d->path, d->mtime);

out_free:
	while ((d = x.dirs)) {
		x.dirs = d->next;
		free(d);
	}
	while ((l = x.links)) {
		x.links = l->next;
		free(l);
	}
	free(x.checked);
	free(x.path);
	return rc;
}
