/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The console of a linuxu image is the process' stdout and stdin. Output
 * is unbuffered, so that nothing is lost when the image crashes or exits;
 * input never blocks, as a serial port's receive register would not.
 */
#include <errno.h>
#include <uk/plat/console.h>
#include <linuxu/io.h>
#include <linuxu/rawprint.h>
#include <linuxu/syscall.h>

int uk_plat_console_out(const char *buf, unsigned int len)
{
	return _linuxu_write_all(K_STDOUT, buf, len);
}

int uk_plat_console_in(char *buf, unsigned int maxlen)
{
	struct k_pollfd pfd = { .fd = K_STDIN, .events = K_POLLIN };
	long ret;

	if (!maxlen)
		return 0;
	/*
	 * Ask first rather than set O_NONBLOCK: stdin is often shared with
	 * the shell, which would be left with a non-blocking terminal.
	 */
	do {
		ret = sys_poll(&pfd, 1, 0);
	} while (ret == -EINTR);
	if (ret < 0)
		return ret;
	if (ret == 0)
		return 0;
	/* A closed stdin has no more input to give, like end of file. */
	if (pfd.revents & K_POLLNVAL)
		return -EIO;

	/* Readable, at end of file (POLLHUP) or failed: read says which. */
	do {
		ret = sys_read(K_STDIN, buf, maxlen);
	} while (ret == -EINTR);
	if (ret == 0)
		return -EIO;
	if (ret == -EAGAIN)
		return 0;
	return ret;
}
