/* SPDX-License-Identifier: BSD-3-Clause */
/* Vnode references: allocation by file systems, release to them. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/assert.h>
#include <uk/vfs.h>
#include "vfs_impl.h"

/*
 * Every directory vnode alive: a directory that is renamed while vnodes
 * of it are held (an open directory, the working directory, a parent of
 * either) gets their parent and name updated, so that "..", getcwd()
 * and rename's "not into its own subtree" check see where it is now.
 */
static struct uk_vnode *live_dirs;

struct uk_vnode *uk_vnode_alloc(struct uk_mount *m,
				const struct uk_vnode_ops *ops, void *priv,
				uint64_t ino, mode_t type)
{
	struct uk_vnode *vn;

	UK_ASSERT(ops && ops->getattr);
	vn = uk_calloc(uk_alloc_get_default(), 1, sizeof(*vn));
	if (!vn)
		return NULL;
	vn->ops = ops;
	vn->mount = m;
	vn->priv = priv;
	vn->ino = ino;
	vn->type = type & S_IFMT;
	vn->refcount = 1;
	if (vn->type == S_IFDIR) {
		vn->dnext = live_dirs;
		if (live_dirs)
			live_dirs->dpprev = &vn->dnext;
		vn->dpprev = &live_dirs;
		live_dirs = vn;
	}
	return vn;
}

void uk_vnode_put(struct uk_vnode *vn)
{
	struct uk_vnode *parent;

	/* Iterative: a deep chain of parents must not recurse. */
	while (vn) {
		UK_ASSERT(vn->refcount > 0);
		if (--vn->refcount)
			return;
		parent = vn->parent;
		if (vn->dpprev) {
			*vn->dpprev = vn->dnext;
			if (vn->dnext)
				vn->dnext->dpprev = vn->dpprev;
		}
		uk_free(uk_alloc_get_default(), vn->name);
		if (vn->ops->release)
			vn->ops->release(vn);
		uk_free(uk_alloc_get_default(), vn);
		vn = parent;
	}
}

/* Is @vn's recorded name @name (@len bytes)? */
static int named(const struct uk_vnode *vn, const char *name, size_t len)
{
	return vn->name && strlen(vn->name) == len &&
	       !memcmp(vn->name, name, len);
}

void vfs_dir_renamed(struct uk_mount *m, uint64_t ino, struct uk_vnode *ndir,
		     const char *name, size_t len)
{
	struct uk_vnode *vn, *old;
	char *nname;

again:
	for (vn = live_dirs; vn; vn = vn->dnext) {
		if (vn->mount != m || vn->ino != ino || vn == m->root)
			continue;
		if (!named(vn, name, len)) {
			/* Without memory the name is unknown: getcwd ENOENT. */
			nname = uk_malloc(uk_alloc_get_default(), len + 1);
			if (nname) {
				memcpy(nname, name, len);
				nname[len] = 0;
			}
			uk_free(uk_alloc_get_default(), vn->name);
			vn->name = nname;
		}
		if (vn->parent == ndir)
			continue;
		/* Putting the old parent may free list entries: restart. */
		old = vn->parent;
		vn->parent = uk_vnode_get(ndir);
		uk_vnode_put(old);
		goto again;
	}
}
