/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Command-line splitting. The rules are those of a POSIX shell's word
 * splitting, without any expansion:
 *   - blanks (space, tab, newline) separate arguments;
 *   - '...' keeps everything inside literally;
 *   - "..." keeps everything, except that \" and \\ stand for " and \;
 *   - outside quotes, a backslash makes the next character literal;
 *   - quotes may join parts of one argument: a'b c'"d" is "ab cd".
 * A platform whose loader passes one string (kvm) needs this; one that
 * gets separate arguments (linuxu) hands them to ukboot as they are.
 * support/scripts/run quotes `make run`'s arguments for kvm so that this
 * splitting gives them back unchanged.
 */
#ifndef UK_ARGPARSE_H
#define UK_ARGPARSE_H

#include <uk/essentials.h>

/*
 * Split @cmdline in place into at most @maxargs arguments stored in @argv,
 * followed by a NULL (so @argv must hold @maxargs + 1 pointers).
 * @return the number of arguments, or
 *   -EINVAL  a quote is not closed or the line ends in a lone backslash,
 *   -E2BIG   there are more than @maxargs arguments.
 * On error, @cmdline has been modified and @argv is unspecified.
 */
int uk_argparse(char *cmdline, char *argv[], int maxargs);

/*
 * Separate kernel arguments from application arguments: the arguments
 * before the first "--" are the kernel's, those after it the
 * application's; without "--" all of them are the application's.
 * @argv stays as it is; the results point into it. @kargc/@kargv may be
 * NULL when the caller does not want the kernel arguments.
 */
void uk_argparse_split(int argc, char *argv[], int *kargc, char ***kargv,
		       int *aargc, char ***aargv);

#endif /* UK_ARGPARSE_H */
