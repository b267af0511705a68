/* SPDX-License-Identifier: BSD-3-Clause */
/* Directory streams over getdents64(). */
#ifndef _NOLIBC_DIRENT_H
#define _NOLIBC_DIRENT_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

/* getdents64()'s record, which readdir() returns in place. */
struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];
};

typedef struct _nolibc_dir DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *d);
void rewinddir(DIR *d);
int closedir(DIR *d);
int dirfd(DIR *d);
ssize_t getdents64(int fd, void *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* _NOLIBC_DIRENT_H */
