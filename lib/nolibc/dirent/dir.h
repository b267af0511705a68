/* SPDX-License-Identifier: BSD-3-Clause */
/* nolibc private: a directory stream, a buffer of getdents64 records. */
#ifndef _NOLIBC_DIRENT_DIR_H
#define _NOLIBC_DIRENT_DIR_H

#include <dirent.h>

struct _nolibc_dir {
	int fd;
	size_t pos, len;	/* next record, bytes in buf */
	/* Records are 8-byte aligned, as struct dirent's fields need. */
	char buf[4096] __attribute__((aligned(8)));
};

#endif /* _NOLIBC_DIRENT_DIR_H */
