/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * fstest's checks: one line per check, "fstest: PASS <name>" or
 * "fstest: FAIL <name>: <what happened>", which tests/cases/75-fs.sh
 * turns into one test result each.
 */
#ifndef FSTEST_CHECK_H
#define FSTEST_CHECK_H

#include <errno.h>
#include <stdio.h>
#include <string.h>

extern int fst_failures;

/* Record check @name: passed when @ok, else print the printf-style why. */
void fst_result(const char *name, int ok, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* @expr (a call returning -1 + errno on failure) must succeed. */
#define FST_OK(name, expr)                                                   \
	({                                                                   \
		long __rc = (long)(expr);                                    \
		int __e = errno;                                             \
		fst_result(name, __rc >= 0, "%s = %ld, errno %d (%s)",       \
			   #expr, __rc, __e, strerror(__e));                 \
		__rc;                                                        \
	})

/* @expr must fail with -1 and errno @err. */
#define FST_ERR(name, expr, err)                                             \
	({                                                                   \
		long __rc;                                                   \
		int __e;                                                     \
		errno = 0;                                                   \
		__rc = (long)(expr);                                         \
		__e = errno;                                                 \
		fst_result(name, __rc == -1 && __e == (err),                 \
			   "%s = %ld, errno %d (%s), expected %s", #expr,    \
			   __rc, __e, strerror(__e), #err);                  \
		__rc;                                                        \
	})

/* A condition with a message. */
#define FST_TRUE(name, cond, ...) fst_result(name, !!(cond), __VA_ARGS__)

/* Milliseconds of the monotonic clock. */
long fst_now_ms(void);

/* The groups of checks, each on the folder @dir (created, empty). */
void fst_check_files(const char *dir);
void fst_check_dirs(const char *dir);
void fst_check_errors(const char *dir);
void fst_check_nospace(const char *dir);
void fst_check_poll(const char *dir);
void fst_check_threads(const char *dir);
void fst_check_regressions(const char *dir);
void fst_check_stdio(const char *dir);

#endif /* FSTEST_CHECK_H */
