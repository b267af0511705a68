/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mounts: the file-system types registered by linker section, the mount
 * list, the root and the working directory, and the mounts made at boot
 * (Kconfig's root and list, then the vfs.mount kernel parameters).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/boot.h>
#include <uk/init.h>
#include <uk/param.h>
#include <uk/print.h>
#include <uk/plat/time.h>
#include <uk/vfs_sys.h>
#include "vfs_impl.h"

UK_TABLE_DECLARE(vfsfs, const struct uk_fs_type *);

static struct {
	struct uk_mount *mounts;	/* newest first */
	struct uk_vnode *root;		/* the root mount's root */
	struct uk_vnode *cwd;
	unsigned int next_dev;
} vfs;

struct uk_vnode *vfs_root(void)
{
	return vfs.root;
}

struct uk_vnode *vfs_cwd(void)
{
	return vfs.cwd ? vfs.cwd : vfs.root;
}

/* Make @vn (a ref, consumed) the working directory. */
void vfs_set_cwd(struct uk_vnode *vn)
{
	if (vfs.cwd)
		uk_vnode_put(vfs.cwd);
	vfs.cwd = vn;
}

void uk_vfs_now(struct timespec *ts)
{
	__nsec now = uk_plat_wall_ns();

	ts->tv_sec = now / UK_NSEC_PER_SEC;
	ts->tv_nsec = now % UK_NSEC_PER_SEC;
}

struct uk_mount *vfs_mount_on(struct uk_mount *m, uint64_t ino)
{
	struct uk_mount *it;

	for (it = vfs.mounts; it; it = it->next)
		if (it->covered && it->covered->mount == m &&
		    it->covered->ino == ino)
			return it;
	return NULL;
}

static const struct uk_fs_type *find_fs(const char *name)
{
	const struct uk_fs_type *const *t;

	UK_TABLE_FOREACH(t, vfsfs)
		if (!strcmp((*t)->name, name))
			return *t;
	return NULL;
}

/* mkdir -p @path on writable mounts (for mount points). */
static int make_dirs(const char *path)
{
	char *buf;
	size_t i, len = strlen(path);
	long rc = 0;

	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	buf = uk_malloc(uk_alloc_get_default(), len + 1);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, path, len + 1);
	for (i = 1; i <= len; i++) {
		if (buf[i] != '/' && buf[i])
			continue;
		buf[i] = 0;
		rc = uk_sys_mkdirat(AT_FDCWD, buf, 0755);
		if (rc == -EEXIST)
			rc = 0;
		buf[i] = path[i];
		if (rc < 0)
			break;
	}
	uk_free(uk_alloc_get_default(), buf);
	return rc;
}

int uk_vfs_mount(const char *source, const char *target, const char *fstype,
		 unsigned int flags, const char *opts)
{
	const struct uk_fs_type *fs;
	struct nameidata nd;
	struct uk_mount *m;
	size_t tlen;
	int rc;

	if (!target || !fstype)
		return -EFAULT;
	fs = find_fs(fstype);
	if (!fs)
		return -ENODEV;
	tlen = strnlen(target, PATH_MAX);
	if (tlen >= PATH_MAX)
		return -ENAMETOOLONG;
	memset(&nd, 0, sizeof(nd));
	if (!vfs.root) {
		if (strcmp(target, "/"))
			return -ENOENT;	/* the first mount is the root */
	} else {
		rc = vfs_resolve(AT_FDCWD, target, LOOKUP_FOLLOW, &nd);
		if (rc == -ENOENT) {
			rc = make_dirs(target);
			if (rc == 0)
				rc = vfs_resolve(AT_FDCWD, target,
						 LOOKUP_FOLLOW, &nd);
		}
		if (rc < 0)
			return rc;
		if (nd.vn->type != S_IFDIR) {
			nd_put(&nd);
			return -ENOTDIR;
		}
		/* Mounts do not stack: a mount root is in the way. */
		if (nd.vn == nd.vn->mount->root) {
			nd_put(&nd);
			return -EBUSY;
		}
	}
	m = uk_calloc(uk_alloc_get_default(), 1, sizeof(*m) + tlen + 1);
	if (!m) {
		nd_put(&nd);
		return -ENOMEM;
	}
	memcpy(m->path, target, tlen + 1);
	m->fs = fs;
	m->flags = flags;
	m->dev = ++vfs.next_dev;
	rc = fs->mount(m, source ? source : "", opts ? opts : "");
	if (rc < 0) {
		nd_put(&nd);
		uk_free(uk_alloc_get_default(), m);
		return rc;
	}
	if (nd.vn) {
		m->covered = nd.vn;
		m->parent = nd.vn->mount;
		/* ".." from the new root is the covered directory's. */
		if (nd.vn->parent && !m->root->parent) {
			m->root->parent = uk_vnode_get(nd.vn->parent);
			m->root->name = NULL;
		}
	} else {
		vfs.root = m->root;
	}
	m->next = vfs.mounts;
	vfs.mounts = m;
	return 0;
}

/* Does anything still hold a file open on mount @m? */
static int busy(struct uk_mount *m)
{
	struct uk_mount *it;

	for (it = vfs.mounts; it; it = it->next)
		if (it->parent == m)
			return 1;	/* a mount on top of it */
	/* Only the mount itself (and a lookup in progress) may hold it. */
	return m->root->opencount > 0 || m->root->refcount > 1 ||
	       (vfs.cwd && vfs.cwd->mount == m);
}

int uk_vfs_unmount(const char *target)
{
	struct uk_mount *m, **pp;
	struct nameidata nd;
	int rc;

	rc = vfs_resolve(AT_FDCWD, target, LOOKUP_FOLLOW, &nd);
	if (rc < 0)
		return rc;
	for (pp = &vfs.mounts; (m = *pp); pp = &m->next)
		if (m->root == nd.vn)
			break;
	nd_put(&nd);
	if (!m)
		return -EINVAL;	/* not a mount point */
	if (!m->covered || busy(m))
		return -EBUSY;
	if (m->fs->unmount) {
		rc = m->fs->unmount(m);
		if (rc < 0)
			return rc;
	}
	*pp = m->next;
	uk_vnode_put(m->root);
	uk_vnode_put(m->covered);
	uk_free(uk_alloc_get_default(), m);
	return 0;
}

/* Is @opt one of the comma-separated @opts? */
static int has_opt(const char *opts, const char *opt)
{
	size_t n = strlen(opt);

	while (*opts) {
		if (!strncmp(opts, opt, n) && (opts[n] == ',' || !opts[n]))
			return 1;
		opts += strcspn(opts, ",");
		if (*opts)
			opts++;
	}
	return 0;
}

/*
 * Mount "<source>:<path>:<fstype>[:<options>]"; the options may contain
 * ':' themselves. A failure is reported with the entry and the error.
 */
static int mount_spec(const char *spec)
{
	char buf[512], *f[4] = { NULL, NULL, NULL, "" };
	size_t len = strlen(spec);
	int i, rc;

	if (len >= sizeof(buf)) {
		uk_pr_err("vfs: mount entry longer than %zu bytes: %.40s...",
			  sizeof(buf) - 1, spec);
		return -ENAMETOOLONG;
	}
	memcpy(buf, spec, len + 1);
	f[0] = buf;
	for (i = 1; i < 4; i++) {
		f[i] = strchr(f[i - 1], ':');
		if (!f[i])
			break;
		*f[i]++ = 0;
	}
	if (i < 3 || !*f[1] || !*f[2]) {
		uk_pr_err("vfs: bad mount entry '%s': expected <source>:<path>:<fstype>[:<options>]",
			  spec);
		return -EINVAL;
	}
	if (i == 3)
		f[3] = "";
	rc = uk_vfs_mount(f[0], f[1], f[2],
			  has_opt(f[3], "ro") ? UK_MOUNT_RDONLY : 0, f[3]);
	if (rc < 0)
		uk_pr_err("vfs: cannot mount %s (%s) on %s: error %d", f[0],
			  f[2], f[1], rc);
	else
		uk_pr_info("vfs: mounted %s (%s) on %s", *f[0] ? f[0] : "-",
			   f[2], f[1]);
	return rc;
}

int _vfs_mount_spec(const char *spec)
{
	return mount_spec(spec);
}

UK_PARAM_STRLIST(vfs, mount, 16,
		 "mount at boot: <source>:<path>:<fstype>[:<options>]; "
		 "a path of / replaces the configured root");

/* Is the vfs.mount parameter list giving "/" itself? */
static const char *param_root(void)
{
	const char *m, *p;
	unsigned int i;

	uk_param_strlist_foreach(&UK_PARAM(vfs, mount), i, m) {
		p = strchr(m, ':');
		if (p && p[1] == '/' && p[2] == ':')
			return m;
	}
	return NULL;
}

/*
 * A mount the configuration or the command line asked for failed: the
 * application would run without its files, so stop as for any bad
 * command line (the message above says which entry and why).
 */
static void boot_mount(const char *spec)
{
	if (mount_spec(spec) < 0)
		uk_boot_exit(2);
}

static int vfs_boot_mounts(void)
{
	const char *list = CONFIG_LIBVFSCORE_MOUNTS, *m, *root;
	char spec[512];
	unsigned int i;
	size_t n;
	int rc;

	root = param_root();
	if (root)
		boot_mount(root);
	if (!vfs.root && *CONFIG_LIBVFSCORE_ROOT_FSTYPE) {
		rc = uk_vfs_mount(CONFIG_LIBVFSCORE_ROOT_SOURCE, "/",
				  CONFIG_LIBVFSCORE_ROOT_FSTYPE, 0, "");
		if (rc < 0) {
			uk_pr_crit("vfs: cannot mount the root (%s): error %d",
				   CONFIG_LIBVFSCORE_ROOT_FSTYPE, rc);
			uk_boot_exit(2);
		}
	}
	while (*list) {
		while (*list == ' ')
			list++;
		n = strcspn(list, " ");
		if (!n)
			break;
		if (n >= sizeof(spec)) {
			uk_pr_crit("vfs: a mount entry of the configuration is longer than %zu bytes",
				   sizeof(spec) - 1);
			uk_boot_exit(2);
		}
		memcpy(spec, list, n);
		spec[n] = 0;
		boot_mount(spec);
		list += n;
	}
	uk_param_strlist_foreach(&UK_PARAM(vfs, mount), i, m)
		if (m != root)
			boot_mount(m);
	return 0;
}

/* After the platform and library inits; the file systems are tables. */
uk_initcall_class_prio(vfs_boot_mounts, NULL, UK_INIT_CLASS_ROOTFS, 0);
