/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * stdout and stderr of an image without the fd table: both write straight
 * to the platform console, unbuffered. They are separate objects so that
 * each keeps its own error flag. There is no stdin to read.
 */
#include <errno.h>
#include <uk/plat/console.h>
#include "stdio_impl.h"

/* uk_plat_console_out() takes an unsigned int length. */
#define CHUNK_MAX (1U << 30)

static int console_write(FILE *f __attribute__((unused)), const char *buf,
			 size_t len)
{
	while (len) {
		unsigned int n = len > CHUNK_MAX ? CHUNK_MAX : len;
		int r = uk_plat_console_out(buf, n);

		if (r < 0)
			return r;
		/* The console writes everything unless it failed. */
		if (r == 0)
			return -EIO;
		buf += r;
		len -= r;
	}
	return 0;
}

#define CONSOLE_STREAM(can_)                                                 \
	{                                                                    \
		.write = console_write, .fd = -1, .can = (can_),             \
		.bufmode = _IONBF, .ungot = EOF, .flags = _NOLIBC_F_STATIC,  \
	}

static struct _nolibc_file console_stdin = CONSOLE_STREAM(0);
static struct _nolibc_file console_stdout = CONSOLE_STREAM(_NOLIBC_F_WRITE);
static struct _nolibc_file console_stderr = CONSOLE_STREAM(_NOLIBC_F_WRITE);

FILE *stdin = &console_stdin;
FILE *stdout = &console_stdout;
FILE *stderr = &console_stderr;
FILE *_nolibc_open_files;
