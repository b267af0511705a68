/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Signal-safe output to host descriptors (see linuxu/rawprint.h). Used by
 * the console, by boot-time error messages and by the crash screen, which
 * must not depend on any library that could be the cause of the crash.
 */
#include <errno.h>
#include <linuxu/io.h>
#include <linuxu/rawprint.h>
#include <linuxu/syscall.h>

long _linuxu_write_all(int fd, const char *buf, unsigned long len)
{
	struct k_pollfd pfd = { .fd = fd, .events = K_POLLOUT };
	unsigned long done = 0;
	long ret;

	while (done < len) {
		ret = sys_write(fd, buf + done, len - done);
		if (ret > 0) {
			done += ret;
			continue;
		}
		if (ret == -EINTR)
			continue;
		/*
		 * A descriptor shared with a parent that set O_NONBLOCK
		 * (some terminals, pipes) reports EAGAIN when full: wait for
		 * room rather than dropping output or spinning.
		 */
		if (ret == -EAGAIN) {
			ret = sys_poll(&pfd, 1, -1);
			if (ret >= 0 || ret == -EINTR)
				continue;
		}
		if (ret == 0)
			ret = -EIO;
		return done ? (long)done : ret;
	}
	return done;
}

void _linuxu_line_flush(struct linuxu_line *l)
{
	if (l->len)
		_linuxu_write_all(l->fd, l->buf, l->len);
	l->len = 0;
}

static void line_putc(struct linuxu_line *l, char c)
{
	if (l->len == sizeof(l->buf))
		_linuxu_line_flush(l);
	l->buf[l->len++] = c;
}

void _linuxu_line_str(struct linuxu_line *l, const char *s)
{
	while (*s)
		line_putc(l, *s++);
}

void _linuxu_line_hex(struct linuxu_line *l, uint64_t v, unsigned int digits)
{
	static const char hex[] = "0123456789abcdef";
	unsigned int i;

	if (digits < 1)
		digits = 1;
	if (digits > 16)
		digits = 16;
	/* Widen to as many digits as @v needs. */
	while (digits < 16 && (v >> (4 * digits)))
		digits++;
	line_putc(l, '0');
	line_putc(l, 'x');
	for (i = digits; i > 0; i--)
		line_putc(l, hex[(v >> (4 * (i - 1))) & 0xf]);
}

void _linuxu_line_dec(struct linuxu_line *l, long v)
{
	char tmp[20];
	unsigned long u;
	unsigned int n = 0;

	if (v < 0) {
		line_putc(l, '-');
		/* Negate in unsigned arithmetic: LONG_MIN has no positive. */
		u = -(unsigned long)v;
	} else {
		u = v;
	}
	do {
		tmp[n++] = '0' + u % 10;
		u /= 10;
	} while (u);
	while (n)
		line_putc(l, tmp[--n]);
}
