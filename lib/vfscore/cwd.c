/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The working directory: chdir/fchdir keep a vnode, getcwd() builds the
 * path from the names and parents vfscore recorded when the directory
 * was looked up (see struct uk_vnode).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <uk/errptr.h>
#include <uk/vfs_sys.h>
#include "vfs_impl.h"

static long set_dir(struct uk_vnode *vn)
{
	if (vn->type != S_IFDIR) {
		uk_vnode_put(vn);
		return -ENOTDIR;
	}
	vfs_set_cwd(vn);
	return 0;
}

long uk_sys_chdir(const char *path)
{
	struct nameidata nd;
	long rc;

	rc = vfs_resolve(AT_FDCWD, path, LOOKUP_FOLLOW, &nd);
	if (rc < 0)
		return rc;
	return set_dir(nd.vn);
}

long uk_sys_fchdir(int fd)
{
	struct uk_vnode *vn = vfs_fd_vnode(fd, 1);

	if (PTRISERR(vn))
		return PTR2ERR(vn);
	return set_dir(vn);
}

long uk_sys_getcwd(char *buf, size_t size)
{
	struct uk_vnode *vn = vfs_cwd();
	size_t pos, n;

	if (!buf)
		return -EFAULT;
	if (!size)
		return -EINVAL;
	if (!vn)
		return -ENOENT;
	/* Build from the end of @buf towards its start. */
	pos = size;
	buf[--pos] = 0;
	for (; vn && vn->parent; vn = vn->parent) {
		/* A mount root borrows the covered directory's name. */
		const char *name = vn->name;
		struct uk_mount *m = vn->mount;

		if (!name && vn == m->root && m->covered)
			name = m->covered->name;
		if (!name)
			return -ENOENT;
		n = strlen(name);
		if (pos < n + 1)
			return -ERANGE;
		pos -= n;
		memcpy(buf + pos, name, n);
		buf[--pos] = '/';
	}
	if (pos == size - 1) {
		if (pos < 1)
			return -ERANGE;
		buf[--pos] = '/';
	}
	memmove(buf, buf + pos, size - pos);
	return size - pos;
}

long uk_sys_mount(const char *source, const char *target,
		  const char *fstype, unsigned long flags, const void *data)
{
	return uk_vfs_mount(source, target, fstype,
			    flags & 1 ? UK_MOUNT_RDONLY : 0,
			    data ? (const char *)data : "");
}

long uk_sys_umount2(const char *target, int flags)
{
	if (flags & ~0xf)
		return -EINVAL;
	return uk_vfs_unmount(target);
}
