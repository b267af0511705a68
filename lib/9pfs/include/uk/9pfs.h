/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 9pfs: the file system "9pfs", a 9P2000.L client over a 9P transport
 * (uk/9pdev.h). It registers itself with vfscore; mount it with
 *
 *	vfs.mount=<tag>:<path>:9pfs[:<options>]
 *
 * where <tag> is the transport's mount tag (QEMU's mount_tag, `fs0` for
 * `make run FS=dir`). Options, comma-separated:
 *	msize=N   the largest message to negotiate (default
 *	          CONFIG_LIB9PFS_MSIZE; the server may lower it)
 *	aname=P   the path on the server to attach (default: its root)
 *
 * Errors: a missing tag is ENODEV, a tag already mounted EBUSY; the
 * server's errors (Rlerror) come through as they are; a reply that fails
 * any check, or a transport failure, is EIO for that call only.
 * Files are identified by the server's qid.path (st_ino); nothing is
 * cached, so changes made on the host are seen at once.
 */
#ifndef UK_9PFS_H
#define UK_9PFS_H

/* statfs f_type, as Linux reports a 9p mount. */
#define UK_9PFS_MAGIC	0x01021997

#endif /* UK_9PFS_H */
