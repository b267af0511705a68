/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * vfscore, the file-system switch: mounts, vnodes and path lookup, for
 * file systems (this header) and for the POSIX layer (uk/vfs_sys.h).
 *
 * A file system registers a struct uk_fs_type by linker section
 * (UK_FS_REGISTER). Mounting it calls its mount(), which sets the mount's
 * root vnode. Every other operation is a vnode op. A vnode is the file
 * system's object for one file; vfscore holds it by reference count and
 * calls ops->release when the last reference goes. The same file may be
 * represented by several vnodes at once (a file system need not cache):
 * identity is (mount, ino).
 *
 * Names passed to ops are one path component (no '/', never "." or "..",
 * 1 to NAME_MAX bytes), given as pointer + length, not NUL-terminated.
 * ".." is resolved by vfscore through the parent the lookup came from.
 * Ops return 0 (or a count) or a negative errno; a missing optional op
 * makes the call fail with the errno given below. Thread context; under
 * the cooperative scheduler an op that does not block is atomic, one
 * that blocks (a 9P round trip) must leave its structures consistent
 * across the wait.
 */
#ifndef UK_VFS_H
#define UK_VFS_H

#include <sys/types.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/uio.h>
#include <uk/essentials.h>
#include <uk/file.h>
#include <uk/section.h>

struct uk_vnode;
struct uk_mount;

/* What setattr changes (a mask of these; the values in struct uk_vattr). */
#define UK_VATTR_MODE	0x01	/* permission bits only */
#define UK_VATTR_UID	0x02
#define UK_VATTR_GID	0x04
#define UK_VATTR_SIZE	0x08
#define UK_VATTR_ATIME	0x10
#define UK_VATTR_MTIME	0x20

struct uk_vattr {
	unsigned int mask;
	mode_t mode;
	uid_t uid;
	gid_t gid;
	off_t size;
	struct timespec atime, mtime;	/* already resolved: no UTIME_NOW */
};

/* readdir's callback: one entry; return non-zero to stop (buffer full). */
typedef int (*uk_vfs_filldir_t)(void *ctx, const char *name, size_t len,
				uint64_t ino, unsigned char type,
				uint64_t next_cookie);

struct uk_vnode_ops {
	/* Directories. Missing: ENOTDIR (lookup) or EPERM (the others). */
	int (*lookup)(struct uk_vnode *dir, const char *name, size_t len,
		      struct uk_vnode **out);
	/* Create a regular file (new vnode in *@out) or fail -EEXIST. */
	int (*create)(struct uk_vnode *dir, const char *name, size_t len,
		      mode_t mode, struct uk_vnode **out);
	int (*mkdir)(struct uk_vnode *dir, const char *name, size_t len,
		     mode_t mode);
	int (*symlink)(struct uk_vnode *dir, const char *name, size_t len,
		       const char *target);
	/* A new name for @vn (not a directory) in @dir. */
	int (*link)(struct uk_vnode *dir, const char *name, size_t len,
		    struct uk_vnode *vn);
	/* Remove a non-directory / an empty directory (else -ENOTEMPTY). */
	int (*unlink)(struct uk_vnode *dir, const char *name, size_t len);
	int (*rmdir)(struct uk_vnode *dir, const char *name, size_t len);
	/*
	 * Move; both directories are on this mount. vfscore has checked
	 * the POSIX rules it can see (not into its own subtree, types of
	 * source and target agree); the op replaces an existing target
	 * (empty if a directory) atomically.
	 */
	int (*rename)(struct uk_vnode *odir, const char *oname, size_t olen,
		      struct uk_vnode *ndir, const char *nname, size_t nlen);
	/*
	 * Entries from position *@cookie on (0: the start, "." and ".."
	 * included); *@cookie is advanced past each entry emitted.
	 */
	int (*readdir)(struct uk_vnode *dir, uint64_t *cookie,
		       uk_vfs_filldir_t fill, void *ctx);

	/* Any vnode. getattr is required. */
	int (*getattr)(struct uk_vnode *vn, struct stat *st);
	int (*setattr)(struct uk_vnode *vn, const struct uk_vattr *va);
	/* The target, at most @len bytes, not NUL-terminated; -EINVAL. */
	ssize_t (*readlink)(struct uk_vnode *vn, char *buf, size_t len);

	/*
	 * An open of @vn with @flags: prepare what read/write need. If the
	 * vnode is a device whose file is another object, store a new
	 * reference to that file in *@devfile (the console) and vfscore
	 * uses it instead of a vnode file. Optional.
	 */
	int (*open)(struct uk_vnode *vn, int flags, struct uk_file **devfile);
	/* The last file opened on @vn was closed (pairs with open). */
	void (*close)(struct uk_vnode *vn);
	/* Regular files and devices; at @off; return bytes moved. EINVAL. */
	ssize_t (*read)(struct uk_vnode *vn, const struct iovec *iov,
			int iovcnt, off_t off);
	ssize_t (*write)(struct uk_vnode *vn, const struct iovec *iov,
			 int iovcnt, off_t off);
	int (*fsync)(struct uk_vnode *vn, int datasync);
	/* Readiness for poll/epoll (devices); missing: always ready. */
	unsigned int (*poll)(struct uk_vnode *vn);
	int (*ioctl)(struct uk_vnode *vn, unsigned long req, void *arg);

	/* The last reference went: free the file system's object. */
	void (*release)(struct uk_vnode *vn);
};

struct uk_vnode {
	const struct uk_vnode_ops *ops;
	struct uk_mount *mount;
	void *priv;		/* the file system's object */
	uint64_t ino;
	mode_t type;		/* S_IFREG, S_IFDIR ... (st_mode & S_IFMT) */
	long refcount;
	long opencount;		/* files open on it (vfscore's) */
	/*
	 * Set by vfscore, not by file systems: the directory this vnode
	 * was looked up from (a reference; NULL for "/") and the name it
	 * was found under, which ".." and getcwd() follow. A rename does
	 * not update vnodes already in use (the next lookup is right).
	 */
	struct uk_vnode *parent;
	char *name;
};

struct uk_fs_type {
	const char *name;
	/*
	 * Mount @source (meaning per file system; may be "" or "none") with
	 * the options string @opts (may be ""): set m->root (a reference)
	 * and m->priv. -EINVAL for bad options, -ENODEV/-ENOENT for a
	 * missing source.
	 */
	int (*mount)(struct uk_mount *m, const char *source,
		     const char *opts);
	/* Optional: flush and free; the root's reference is vfscore's. */
	int (*unmount)(struct uk_mount *m);
	/* Optional (zeros otherwise). */
	int (*statfs)(struct uk_mount *m, struct statfs *st);
	/* f_type of statfs (RAMFS_MAGIC ...). */
	long magic;
};

#define UK_MOUNT_RDONLY 0x1	/* MS_RDONLY: writes fail with EROFS */

struct uk_mount {
	const struct uk_fs_type *fs;
	struct uk_vnode *root;
	/* The directory this mount covers (a reference); NULL for "/". */
	struct uk_vnode *covered;
	struct uk_mount *parent;
	struct uk_mount *next;	/* the mount list */
	unsigned int flags;
	void *priv;		/* the file system's */
	dev_t dev;		/* st_dev of its files */
	char path[];		/* where it is mounted, for messages */
};

/* Register a file system type (in a .c file, at file scope). */
#define UK_FS_REGISTER(fstype)                                               \
	UK_TABLE_ENTRY(vfsfs, 0, const struct uk_fs_type *,                   \
		       __uk_fs_##fstype) = &(fstype)

/*
 * A new vnode for a file system object: @ops, @priv, @ino and @type, one
 * reference, on mount @m. NULL when out of memory. File systems call it
 * from lookup/create/mount.
 */
struct uk_vnode *uk_vnode_alloc(struct uk_mount *m,
				const struct uk_vnode_ops *ops, void *priv,
				uint64_t ino, mode_t type);

static inline struct uk_vnode *uk_vnode_get(struct uk_vnode *vn)
{
	vn->refcount++;
	return vn;
}

void uk_vnode_put(struct uk_vnode *vn);

/*
 * Mount @fstype from @source on the directory @target (created, with its
 * parents, when missing on a writable file system) with @flags
 * (UK_MOUNT_RDONLY) and options @opts. The first mount must be on "/".
 * @return 0, -ENODEV for an unknown type, -EBUSY when @target already has
 * a mount, -ENOTDIR, or the file system's error.
 */
int uk_vfs_mount(const char *source, const char *target, const char *fstype,
		 unsigned int flags, const char *opts);

/* Unmount what is mounted on @target; -EBUSY while files are open. */
int uk_vfs_unmount(const char *target);

/* The current time for timestamps (wall clock). */
void uk_vfs_now(struct timespec *ts);

#endif /* UK_VFS_H */
