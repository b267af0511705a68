/* SPDX-License-Identifier: BSD-3-Clause */
/* Vnode references: allocation by file systems, release to them. */
#include <errno.h>
#include <uk/alloc.h>
#include <uk/assert.h>
#include <uk/vfs.h>

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
		uk_free(uk_alloc_get_default(), vn->name);
		if (vn->ops->release)
			vn->ops->release(vn);
		uk_free(uk_alloc_get_default(), vn);
		vn = parent;
	}
}
