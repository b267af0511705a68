/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * POSIX system data types, sized as on Linux for the target ABI so that
 * structures shared with Linux tools and a later musl keep their layout.
 */
#ifndef _NOLIBC_SYS_TYPES_H
#define _NOLIBC_SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef __PTRDIFF_TYPE__ ssize_t;
typedef int64_t off_t;
typedef int64_t loff_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int id_t;
typedef unsigned int mode_t;
typedef uint64_t ino_t;
typedef uint64_t dev_t;
typedef unsigned long nlink_t;
typedef long blksize_t;
typedef int64_t blkcnt_t;
typedef long time_t;
typedef long clock_t;
typedef long suseconds_t;
typedef unsigned int useconds_t;
typedef int clockid_t;

#endif /* _NOLIBC_SYS_TYPES_H */
