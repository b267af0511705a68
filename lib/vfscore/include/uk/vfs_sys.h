/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * vfscore's system calls: Linux's arguments, a negative errno on failure
 * (errno untouched), as uk/fdtab.h describes. Paths are resolved from the
 * root or, when relative, from @dirfd (AT_FDCWD: the working directory);
 * symbolic links are followed up to 40 times (then ELOOP); a path longer
 * than PATH_MAX or a component longer than NAME_MAX is ENAMETOOLONG.
 */
#ifndef UK_VFS_SYS_H
#define UK_VFS_SYS_H

#include <sys/types.h>
#include <sys/stat.h>
#include <sys/statfs.h>

long uk_sys_openat(int dirfd, const char *path, int flags, mode_t mode);
long uk_sys_open(const char *path, int flags, mode_t mode);
long uk_sys_mkdirat(int dirfd, const char *path, mode_t mode);
long uk_sys_mknodat(int dirfd, const char *path, mode_t mode, dev_t dev);
long uk_sys_unlinkat(int dirfd, const char *path, int flags);
long uk_sys_renameat2(int olddirfd, const char *oldpath, int newdirfd,
		      const char *newpath, unsigned int flags);
long uk_sys_linkat(int olddirfd, const char *oldpath, int newdirfd,
		   const char *newpath, int flags);
long uk_sys_symlinkat(const char *target, int newdirfd,
		      const char *linkpath);
long uk_sys_readlinkat(int dirfd, const char *path, char *buf, size_t len);
long uk_sys_newfstatat(int dirfd, const char *path, struct stat *st,
		       int flags);
long uk_sys_statx(int dirfd, const char *path, int flags, unsigned int mask,
		  struct statx *stx);
long uk_sys_faccessat2(int dirfd, const char *path, int mode, int flags);
long uk_sys_fchmodat(int dirfd, const char *path, mode_t mode, int flags);
long uk_sys_fchmod(int fd, mode_t mode);
long uk_sys_fchownat(int dirfd, const char *path, uid_t uid, gid_t gid,
		     int flags);
long uk_sys_fchown(int fd, uid_t uid, gid_t gid);
long uk_sys_utimensat(int dirfd, const char *path,
		      const struct timespec times[2], int flags);
long uk_sys_truncate(const char *path, off_t len);
long uk_sys_ftruncate(int fd, off_t len);
long uk_sys_fsync(int fd);
long uk_sys_fdatasync(int fd);
long uk_sys_getdents64(int fd, void *buf, size_t len);
long uk_sys_chdir(const char *path);
long uk_sys_fchdir(int fd);
long uk_sys_getcwd(char *buf, size_t size);
long uk_sys_umask(mode_t mask);
long uk_sys_statfs(const char *path, struct statfs *st);
long uk_sys_fstatfs(int fd, struct statfs *st);
long uk_sys_mount(const char *source, const char *target,
		  const char *fstype, unsigned long flags, const void *data);
long uk_sys_umount2(const char *target, int flags);

#endif /* UK_VFS_SYS_H */
