/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukcpio: cpio archives in the "newc" format (magic 070701) and its
 * checksummed twin "crc" (070702), as `cpio -o -H newc` and Linux's
 * initramfs write them; and their extraction into the file tree.
 *
 * The reader (uk_cpio_next) only looks at a buffer: it allocates nothing,
 * calls nothing of the kernel and is fuzzed on the host
 * (tests/fuzz/cpio). It treats the archive as untrusted: every field is
 * checked against the buffer before use, and a name that would leave the
 * folder being extracted into (an absolute name, a ".." component) is
 * refused like a corrupt header. An error names the entry and the offset
 * of its header, so that a bad archive can be told apart from a bad
 * member.
 *
 * Several archives may follow each other in one buffer (as Linux accepts
 * for an initrd): after a TRAILER!!! entry, NUL padding is skipped and a
 * next archive may start on a 4-byte boundary.
 */
#ifndef UK_CPIO_H
#define UK_CPIO_H

#include <stddef.h>
#include <stdint.h>

/* Limits of a name (as Linux's PATH_MAX, with its NUL, and NAME_MAX). */
#define UK_CPIO_PATH_MAX 4096
#define UK_CPIO_NAME_MAX 255

/* One member of the archive; every pointer points into the buffer. */
struct uk_cpio_entry {
	/*
	 * The name as stored (NUL-terminated), and the same without its
	 * leading "./" components: @path is relative to the folder being
	 * extracted into, "" for that folder itself ("." in the archive).
	 */
	const char *name;
	const char *path;
	size_t pathlen;
	uint32_t ino, mode, uid, gid, nlink, mtime;
	uint32_t devmajor, devminor, rdevmajor, rdevminor;
	/* Contents of a regular file, target of a symbolic link. */
	const void *data;
	size_t size;
	size_t offset; /* of the header, from the buffer's start */
};

struct uk_cpio_reader {
	const unsigned char *buf;
	size_t len;
	size_t off; /* next header */
	int state;  /* private */
	/* Headers read so far: the entry at fault is number @nr. */
	unsigned long nr;
	/*
	 * After an error: what was wrong (static text), where (the header
	 * of the entry at fault, or the byte that should have been one),
	 * and the entry's name as far as it could be read: @err_name points
	 * into the buffer (NOT NUL-terminated, may hold any byte), NULL when
	 * the header did not get that far.
	 */
	const char *err;
	size_t err_off;
	const char *err_name;
	size_t err_namelen;
};

/* Start reading the @len bytes at @buf. */
void uk_cpio_reader_init(struct uk_cpio_reader *r, const void *buf, size_t len);

/*
 * The next member, in archive order, into *@e.
 * @return 1 with *@e filled; 0 at the end (the last archive's trailer, an
 * empty buffer, or only NUL padding after a trailer); a negative errno
 * with r->err set: -EINVAL for a corrupt archive (bad magic, a field that
 * is not hexadecimal, a name without its NUL, a checksum that does not
 * match, a member or a header cut short by the end of the buffer),
 * -ENAMETOOLONG for a name of PATH_MAX bytes or more or a component
 * longer than NAME_MAX, -EPERM for an absolute name or a ".." component.
 * After an error, every further call returns the same error.
 */
int uk_cpio_next(struct uk_cpio_reader *r, struct uk_cpio_entry *e);

/*
 * Unpack the archive at @buf (@len bytes) under the existing folder
 * @dest ("/" at boot) through the POSIX calls of vfscore: directories,
 * regular files (hard links as links), symbolic links, their modes,
 * owners and modification times. Existing directories are kept (their
 * mode and time set from the archive), an existing non-directory is
 * replaced. Device nodes, FIFOs and sockets are skipped with a warning.
 * No member is written through a symbolic link: a path whose parent is a
 * symbolic link is refused (-ELOOP), so that the archive cannot reach
 * outside @dest.
 * On failure, r (if not NULL) describes the entry and offset (for a
 * file-system error too: err is then "cannot create ..." and the
 * errno is the return value).
 * @return 0, a negative errno from uk_cpio_next(), or the file system's.
 */
int uk_cpio_extract(const void *buf, size_t len, const char *dest,
		    struct uk_cpio_reader *r);

/*
 * Print the error recorded in @r as one line at critical level:
 * "<what>: entry <n> '<name>' at offset <off>: <err> (<errno text>)", with
 * the name's unprintable bytes escaped and a long name shortened.
 */
void uk_cpio_print_error(const char *what, const struct uk_cpio_reader *r,
			 int rc);

#endif /* UK_CPIO_H */
