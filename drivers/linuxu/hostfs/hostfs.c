/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * hostfs: a folder of the host as a file system of a linuxu image.
 *
 *	vfs.mount=<host folder>:<path>:hostfs[:noopenat2]
 *
 * Containment is the point of this file: the guest must reach nothing
 * outside the shared folder, whatever names, ".." or symbolic links it
 * (or the folder's contents) uses. The rule that gives it:
 *  - every vnode holds an open host fd of its object; the root's is the
 *    shared folder, opened at mount;
 *  - every host call names ONE component relative to a directory's fd
 *    (vfscore splits paths and resolves "." and ".." itself, never past
 *    the guest's root), or none at all (AT_EMPTY_PATH, fd-based calls);
 *  - no host call follows a symbolic link: lookups open with O_PATH |
 *    O_NOFOLLOW, so a link is a vnode of its own whose target vfscore
 *    reads and resolves in the GUEST's tree (an absolute target means
 *    the guest's /, never the host's).
 * Lookups go through openat2() with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS
 * | RESOLVE_NO_MAGICLINKS on top; where the host lacks openat2 (ENOSYS,
 * before Linux 5.6) or the mount asks for it (noopenat2), openat() with
 * O_NOFOLLOW after checking that the name is one plain component is the
 * same guarantee by construction.
 *
 * Regular files are reopened for reading and writing once their type is
 * known (read-only, or path-only, when the host refuses), so that I/O,
 * fchmod, ftruncate and fsync work on the vnode's own fd.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/uio.h>
#include <uk/print.h>
#include <uk/vfs.h>
#include <linuxu/syscall.h>

/* Linux's HOSTFS_SUPER_MAGIC (UML's host file system). */
#define HOSTFS_MAGIC 0x00c0ffee

/* The host's structures are nolibc's: pass them through unchanged. */
_Static_assert(sizeof(struct stat) == 144, "struct stat is not Linux's");
_Static_assert(sizeof(struct statfs) == 120, "statfs is not Linux's");
_Static_assert(sizeof(struct iovec) == 16, "iovec is not Linux's");
_Static_assert(sizeof(struct timespec) == 16, "timespec is not Linux's");

/* Access of a node's fd: path only, or open for I/O. */
enum { ACC_PATH = -1, ACC_RO = K_O_RDONLY, ACC_RW = K_O_RDWR };

struct hnode {
	int fd;
	int acc;
};

struct hmount {
	int use_openat2; /* cleared on ENOSYS or by noopenat2 */
	uint64_t dev;	 /* host st_dev of the shared folder */
};

static const struct uk_vnode_ops hostfs_ops;

static struct hnode *H(struct uk_vnode *vn)
{
	return vn->priv;
}

static struct hmount *HM(struct uk_vnode *vn)
{
	return vn->mount->priv;
}

/*
 * @name (@len bytes, one component by vfscore's contract) as a C string
 * in @buf (NAME_MAX + 1 bytes). The checks repeat the contract on
 * purpose: they are what keeps a host call to one level below the fd.
 */
static int cname(char *buf, const char *name, size_t len)
{
	if (len == 0 || len > NAME_MAX)
		return -ENAMETOOLONG;
	if (memchr(name, '/', len) || memchr(name, '\0', len))
		return -EINVAL;
	if ((len == 1 && name[0] == '.') ||
	    (len == 2 && name[0] == '.' && name[1] == '.'))
		return -EINVAL;
	memcpy(buf, name, len);
	buf[len] = '\0';
	return 0;
}

/* Open the child @name of the directory @dir, never following a link. */
static long child_open(struct uk_vnode *dir, const char *name, int flags,
		       int mode)
{
	struct k_open_how how = {
		.flags = flags | K_O_NOFOLLOW | K_O_CLOEXEC,
		.mode = (flags & K_O_CREAT) ? mode : 0,
		.resolve = K_RESOLVE_BENEATH | K_RESOLVE_NO_SYMLINKS |
			   K_RESOLVE_NO_MAGICLINKS,
	};
	long fd;

	if (HM(dir)->use_openat2) {
		fd = sys_openat2(H(dir)->fd, name, &how);
		if (fd != -ENOSYS)
			return fd;
		HM(dir)->use_openat2 = 0;
	}
	return sys_openat(H(dir)->fd, name, how.flags, how.mode);
}

/* child_open(), then fstat into @st: the fd, or a negative errno. */
static long child_open_stat(struct uk_vnode *dir, const char *name, int flags,
			    int mode, struct stat *st)
{
	long fd, rc;

	fd = child_open(dir, name, flags, mode);
	if (fd < 0)
		return fd;
	rc = sys_newfstatat(fd, "", st, K_AT_EMPTY_PATH);
	if (rc < 0) {
		sys_close(fd);
		return rc;
	}
	return fd;
}

/*
 * The guest's inode number of a host object. vfscore tells files apart by
 * (mount, ino): an object on another host file system mounted inside the
 * folder gets its device folded into the high bits, so that it does not
 * pass for a file of the folder's own file system.
 */
static uint64_t hino(const struct hmount *hm, const struct stat *st)
{
	if (st->st_dev == hm->dev)
		return st->st_ino;
	return st->st_ino ^ ((uint64_t)st->st_dev << 40) ^ (1ULL << 63);
}

/* A vnode for the host fd @fd (consumed, closed on failure). */
static int new_vnode(struct uk_mount *m, int fd, int acc, const struct stat *st,
		     struct uk_vnode **out)
{
	struct hnode *h = malloc(sizeof(*h));
	struct uk_vnode *vn;

	if (!h)
		goto err_close;
	h->fd = fd;
	h->acc = acc;
	vn = uk_vnode_alloc(m, &hostfs_ops, h, hino(m->priv, st),
			    st->st_mode & S_IFMT);
	if (!vn)
		goto err_free;
	*out = vn;
	return 0;

err_free:
	free(h);
err_close:
	sys_close(fd);
	return -ENOMEM;
}

/*
 * A regular file found by an O_PATH lookup: open it for I/O, read-write
 * if the host allows, else read-only; the object must be the one looked
 * up (a host process may have renamed another file in between).
 */
static void reopen_for_io(struct uk_vnode *dir, const char *name, int *fd,
			  int *acc, const struct stat *st)
{
	static const int modes[] = { ACC_RW, ACC_RO };
	struct stat st2;
	unsigned int i;
	long nfd;

	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		nfd = child_open(dir, name, modes[i], 0);
		if (nfd < 0)
			continue;
		if (sys_newfstatat(nfd, "", &st2, K_AT_EMPTY_PATH) == 0 &&
		    st2.st_ino == st->st_ino && st2.st_dev == st->st_dev) {
			sys_close(*fd);
			*fd = nfd;
			*acc = modes[i];
			return;
		}
		sys_close(nfd);
		return;
	}
}

static int hostfs_lookup(struct uk_vnode *dir, const char *name, size_t len,
			 struct uk_vnode **out)
{
	char n[NAME_MAX + 1];
	int acc = ACC_PATH;
	struct stat st;
	long fd, rc;

	rc = cname(n, name, len);
	if (rc < 0)
		return rc;
	fd = child_open_stat(dir, n, K_O_PATH, 0, &st);
	if (fd < 0)
		return fd;
	if (S_ISREG(st.st_mode)) {
		int ifd = fd;

		reopen_for_io(dir, n, &ifd, &acc, &st);
		fd = ifd;
	}
	return new_vnode(dir->mount, fd, acc, &st, out);
}

static int hostfs_create(struct uk_vnode *dir, const char *name, size_t len,
			 mode_t mode, struct uk_vnode **out)
{
	char n[NAME_MAX + 1];
	struct stat st;
	long fd, rc;

	rc = cname(n, name, len);
	if (rc < 0)
		return rc;
	fd = child_open_stat(dir, n, K_O_CREAT | K_O_EXCL | K_O_RDWR,
			     mode & 07777, &st);
	if (fd < 0)
		return fd;
	return new_vnode(dir->mount, fd, ACC_RW, &st, out);
}

static int hostfs_mkdir(struct uk_vnode *dir, const char *name, size_t len,
			mode_t mode)
{
	char n[NAME_MAX + 1];
	int rc = cname(n, name, len);

	return rc < 0 ? rc : sys_mkdirat(H(dir)->fd, n, mode & 07777);
}

static int hostfs_symlink(struct uk_vnode *dir, const char *name, size_t len,
			  const char *target)
{
	char n[NAME_MAX + 1];
	int rc = cname(n, name, len);

	/* The target is stored text; the host never resolves it for us. */
	return rc < 0 ? rc : sys_symlinkat(target, H(dir)->fd, n);
}

/* "/proc/self/fd/<fd>": the fallback for calls without AT_EMPTY_PATH. */
static void proc_path(char *buf, int fd)
{
	char digits[12];
	int i = 0;

	do {
		digits[i++] = '0' + fd % 10;
		fd /= 10;
	} while (fd);
	strcpy(buf, "/proc/self/fd/");
	buf += strlen(buf);
	while (i)
		*buf++ = digits[--i];
	*buf = '\0';
}

static int hostfs_link(struct uk_vnode *dir, const char *name, size_t len,
		       struct uk_vnode *vn)
{
	char n[NAME_MAX + 1], p[32];
	long rc;

	rc = cname(n, name, len);
	if (rc < 0)
		return rc;
	rc = sys_linkat(H(vn)->fd, "", H(dir)->fd, n, K_AT_EMPTY_PATH);
	/* Without CAP_DAC_READ_SEARCH (Linux < 6.10): through /proc. */
	if (rc == -ENOENT || rc == -EPERM) {
		proc_path(p, H(vn)->fd);
		rc = sys_linkat(K_AT_FDCWD, p, H(dir)->fd, n,
				K_AT_SYMLINK_FOLLOW);
	}
	return rc;
}

static int hostfs_unlink(struct uk_vnode *dir, const char *name, size_t len)
{
	char n[NAME_MAX + 1];
	int rc = cname(n, name, len);

	return rc < 0 ? rc : sys_unlinkat(H(dir)->fd, n, 0);
}

static int hostfs_rmdir(struct uk_vnode *dir, const char *name, size_t len)
{
	char n[NAME_MAX + 1];
	int rc = cname(n, name, len);

	return rc < 0 ? rc : sys_unlinkat(H(dir)->fd, n, K_AT_REMOVEDIR);
}

static int hostfs_rename(struct uk_vnode *odir, const char *oname, size_t olen,
			 struct uk_vnode *ndir, const char *nname, size_t nlen)
{
	char o[NAME_MAX + 1], n[NAME_MAX + 1];
	int rc;

	rc = cname(o, oname, olen);
	if (rc == 0)
		rc = cname(n, nname, nlen);
	if (rc < 0)
		return rc;
	return sys_renameat2(H(odir)->fd, o, H(ndir)->fd, n, 0);
}

/* linux_dirent64, as getdents64 fills it. */
struct k_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

#define DIRBUF_SIZE 4096

static int hostfs_readdir(struct uk_vnode *dir, uint64_t *cookie,
			  uk_vfs_filldir_t fill, void *ctx)
{
	struct k_dirent64 *d;
	char *buf;
	long fd, n, pos, rc = 0;

	/* getdents needs a descriptor open for reading: the folder itself. */
	fd = sys_openat(H(dir)->fd, ".",
			K_O_RDONLY | K_O_DIRECTORY | K_O_CLOEXEC, 0);
	if (fd < 0)
		return fd;
	buf = malloc(DIRBUF_SIZE);
	if (!buf) {
		rc = -ENOMEM;
		goto out_close;
	}
	/* The host's d_off values are its cookies: seek back to ours. */
	rc = sys_lseek(fd, (long)*cookie, K_SEEK_SET);
	if (rc < 0)
		goto out_free;
	for (;;) {
		n = sys_getdents64(fd, buf, DIRBUF_SIZE);
		if (n <= 0) {
			rc = n;
			break;
		}
		for (pos = 0; pos < n; pos += d->d_reclen) {
			d = (struct k_dirent64 *)(buf + pos);
			if (fill(ctx, d->d_name, strlen(d->d_name), d->d_ino,
				 d->d_type, (uint64_t)d->d_off)) {
				rc = 0;
				goto out_free;
			}
			*cookie = (uint64_t)d->d_off;
		}
	}
out_free:
	free(buf);
out_close:
	sys_close(fd);
	return rc;
}

static int hostfs_getattr(struct uk_vnode *vn, struct stat *st)
{
	long rc = sys_newfstatat(H(vn)->fd, "", st, K_AT_EMPTY_PATH);

	if (rc < 0)
		return rc;
	st->st_ino = hino(HM(vn), st);
	st->st_dev = vn->mount->dev;
	return 0;
}

static int set_mode(struct uk_vnode *vn, mode_t mode)
{
	char p[32];
	long rc;

	if (vn->type == S_IFLNK)
		return -EOPNOTSUPP;
	if (H(vn)->acc != ACC_PATH)
		return sys_fchmod(H(vn)->fd, mode);
	rc = sys_fchmodat2(H(vn)->fd, "", mode, K_AT_EMPTY_PATH);
	if (rc != -ENOSYS && rc != -EINVAL)
		return rc;
	/* Before Linux 6.6: through the fd's /proc link (not a symlink). */
	proc_path(p, H(vn)->fd);
	return sys_fchmodat(K_AT_FDCWD, p, mode);
}

static int hostfs_setattr(struct uk_vnode *vn, const struct uk_vattr *va)
{
	struct timespec ts[2] = {
		{ .tv_nsec = UTIME_OMIT },
		{ .tv_nsec = UTIME_OMIT },
	};
	long rc;

	if (va->mask & UK_VATTR_SIZE) {
		if (vn->type != S_IFREG)
			return -EINVAL;
		if (H(vn)->acc != ACC_RW)
			return -EACCES;
		rc = sys_ftruncate(H(vn)->fd, va->size);
		if (rc < 0)
			return rc;
	}
	if (va->mask & UK_VATTR_MODE) {
		rc = set_mode(vn, va->mode & 07777);
		if (rc < 0)
			return rc;
	}
	if (va->mask & (UK_VATTR_UID | UK_VATTR_GID)) {
		rc = sys_fchownat(H(vn)->fd, "",
				  (va->mask & UK_VATTR_UID) ? (int)va->uid : -1,
				  (va->mask & UK_VATTR_GID) ? (int)va->gid : -1,
				  K_AT_EMPTY_PATH);
		if (rc < 0)
			return rc;
	}
	if (va->mask & (UK_VATTR_ATIME | UK_VATTR_MTIME)) {
		if (va->mask & UK_VATTR_ATIME)
			ts[0] = va->atime;
		if (va->mask & UK_VATTR_MTIME)
			ts[1] = va->mtime;
		rc = sys_utimensat(H(vn)->fd, "", ts, K_AT_EMPTY_PATH);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static ssize_t hostfs_readlink(struct uk_vnode *vn, char *buf, size_t len)
{
	return sys_readlinkat(H(vn)->fd, "", buf, len);
}

/* An open that needs access the vnode's fd lacks (a file made writable). */
static int hostfs_open(struct uk_vnode *vn, int flags,
		       struct uk_file **devfile __unused)
{
	int want = flags & O_ACCMODE;
	struct hnode *h = H(vn);
	char p[32];
	long fd;

	if (vn->type != S_IFREG || h->acc == ACC_RW ||
	    (want == O_RDONLY && h->acc == ACC_RO))
		return 0;
	proc_path(p, h->fd);
	fd = sys_open(p, K_O_RDWR | K_O_CLOEXEC, 0);
	if (fd < 0 && want == O_RDONLY) {
		fd = sys_open(p, K_O_RDONLY | K_O_CLOEXEC, 0);
		if (fd >= 0) {
			sys_close(h->fd);
			h->fd = fd;
			h->acc = ACC_RO;
			return 0;
		}
	}
	if (fd < 0)
		return -EACCES;
	sys_close(h->fd);
	h->fd = fd;
	h->acc = ACC_RW;
	return 0;
}

static ssize_t hostfs_read(struct uk_vnode *vn, const struct iovec *iov,
			   int iovcnt, off_t off)
{
	if (H(vn)->acc == ACC_PATH)
		return -EACCES;
	return sys_preadv(H(vn)->fd, iov, iovcnt, off);
}

static ssize_t hostfs_write(struct uk_vnode *vn, const struct iovec *iov,
			    int iovcnt, off_t off)
{
	if (H(vn)->acc != ACC_RW)
		return -EACCES;
	return sys_pwritev(H(vn)->fd, iov, iovcnt, off);
}

static int hostfs_fsync(struct uk_vnode *vn, int datasync)
{
	long fd = H(vn)->fd, rc;

	if (H(vn)->acc != ACC_PATH)
		return datasync ? sys_fdatasync(fd) : sys_fsync(fd);
	if (vn->type != S_IFDIR)
		return 0;
	fd = sys_openat(fd, ".", K_O_RDONLY | K_O_DIRECTORY | K_O_CLOEXEC, 0);
	if (fd < 0)
		return fd;
	rc = datasync ? sys_fdatasync(fd) : sys_fsync(fd);
	sys_close(fd);
	return rc;
}

static void hostfs_release(struct uk_vnode *vn)
{
	sys_close(H(vn)->fd);
	free(H(vn));
}

static const struct uk_vnode_ops hostfs_ops = {
	.lookup = hostfs_lookup,
	.create = hostfs_create,
	.mkdir = hostfs_mkdir,
	.symlink = hostfs_symlink,
	.link = hostfs_link,
	.unlink = hostfs_unlink,
	.rmdir = hostfs_rmdir,
	.rename = hostfs_rename,
	.readdir = hostfs_readdir,
	.getattr = hostfs_getattr,
	.setattr = hostfs_setattr,
	.readlink = hostfs_readlink,
	.open = hostfs_open,
	.read = hostfs_read,
	.write = hostfs_write,
	.fsync = hostfs_fsync,
	.release = hostfs_release,
};

/*
 * Comma-separated options: noopenat2, and vfscore's own ro/rw (it
 * enforces them). Anything else is refused by name.
 */
static int parse_opts(struct hmount *hm, const char *opts)
{
	size_t n;

	for (; *opts; opts += n + (opts[n] == ',')) {
		n = strcspn(opts, ",");
		if (n == 9 && !strncmp(opts, "noopenat2", n))
			hm->use_openat2 = 0;
		else if (!(n == 2 && (!strncmp(opts, "ro", 2) ||
				      !strncmp(opts, "rw", 2))) &&
			 n)
			goto bad;
	}
	return 0;

bad:
	uk_pr_err("hostfs: unknown mount option '%.*s' (known: noopenat2, ro, "
		  "rw)",
		  (int)n, opts);
	return -EINVAL;
}

static int hostfs_mount(struct uk_mount *m, const char *source,
			const char *opts)
{
	struct hmount *hm;
	struct stat st;
	long fd, rc;

	if (!source || !*source)
		return -ENOENT;
	hm = malloc(sizeof(*hm));
	if (!hm)
		return -ENOMEM;
	hm->use_openat2 = 1;
	rc = parse_opts(hm, opts);
	if (rc < 0)
		goto err_free;
	/* The folder itself may be reached through links: the user named it. */
	fd = sys_open(source, K_O_PATH | K_O_DIRECTORY | K_O_CLOEXEC, 0);
	if (fd < 0) {
		rc = fd;
		goto err_free;
	}
	rc = sys_newfstatat(fd, "", &st, K_AT_EMPTY_PATH);
	if (rc < 0) {
		sys_close(fd);
		goto err_free;
	}
	hm->dev = st.st_dev;
	m->priv = hm;
	rc = new_vnode(m, fd, ACC_PATH, &st, &m->root);
	if (rc < 0)
		goto err_free;
	return 0;

err_free:
	m->priv = NULL;
	free(hm);
	return rc;
}

static int hostfs_unmount(struct uk_mount *m)
{
	free(m->priv);
	m->priv = NULL;
	return 0;
}

static int hostfs_statfs(struct uk_mount *m, struct statfs *st)
{
	long rc = sys_fstatfs(H(m->root)->fd, st);

	if (rc == 0)
		st->f_type = HOSTFS_MAGIC;
	return rc;
}

static const struct uk_fs_type hostfs_type = {
	.name = "hostfs",
	.mount = hostfs_mount,
	.unmount = hostfs_unmount,
	.statfs = hostfs_statfs,
	.magic = HOSTFS_MAGIC,
};
UK_FS_REGISTER(hostfs_type);
