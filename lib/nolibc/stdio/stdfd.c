/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * stdin, stdout and stderr on fds 0, 1 and 2 (images with the fd table):
 * stdin and stdout line-buffered in static buffers, stderr unbuffered.
 * Every stream is flushed when the image exits (a term function that
 * runs before the file systems' own).
 */
#include <stdio.h>
#include <uk/init.h>
#include "fdio.h"

static char inbuf[1024], outbuf[1024];

#define FD_STREAM(fd_, can_, mode_, buf_, size_)                             \
	{                                                                    \
		.write = _nolibc_fd_write, .read = _nolibc_fd_read,          \
		.fd = (fd_), .can = (can_), .bufmode = (mode_),              \
		.buf = (buf_), .bufsize = (size_), .ungot = EOF,             \
		.flags = _NOLIBC_F_STATIC,                                   \
	}

static struct _nolibc_file fd_stdin =
	FD_STREAM(0, _NOLIBC_F_READ, _IOLBF, inbuf, sizeof(inbuf));
static struct _nolibc_file fd_stdout =
	FD_STREAM(1, _NOLIBC_F_WRITE, _IOLBF, outbuf, sizeof(outbuf));
static struct _nolibc_file fd_stderr =
	FD_STREAM(2, _NOLIBC_F_WRITE, _IONBF, NULL, 0);

FILE *stdin = &fd_stdin;
FILE *stdout = &fd_stdout;
FILE *stderr = &fd_stderr;

static int stdio_init(void)
{
	return 0;
}

static void stdio_exit(int status __unused)
{
	fflush(NULL);
}

/* Class LATE: its term runs first, before file systems unmount. */
uk_initcall_class_prio(stdio_init, stdio_exit, UK_INIT_CLASS_LATE, 9);
