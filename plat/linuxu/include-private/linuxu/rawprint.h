/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Output to a host file descriptor that works anywhere, including in a
 * signal handler on a corrupt heap: no locks, no allocation, no printf.
 * A line is assembled in a caller-provided buffer and written at once, so
 * that lines of a crash screen do not interleave with other output.
 */
#ifndef LINUXU_RAWPRINT_H
#define LINUXU_RAWPRINT_H

#include <uk/essentials.h>

/*
 * Write all @len bytes to @fd, retrying partial writes and EINTR and
 * waiting when the descriptor is non-blocking and full. Returns the number
 * of bytes written (@len unless the descriptor failed), or a negative
 * errno when nothing could be written.
 */
long _linuxu_write_all(int fd, const char *buf, unsigned long len);

struct linuxu_line {
	int fd;
	unsigned int len;
	char buf[128];
};

#define LINUXU_LINE_INIT(fd_) { .fd = (fd_), .len = 0 }

/* Append to @l; a full buffer is written out first, so nothing is lost. */
void _linuxu_line_str(struct linuxu_line *l, const char *s);
/* @v in hex with a 0x prefix, zero-padded to @digits (1..16) digits. */
void _linuxu_line_hex(struct linuxu_line *l, uint64_t v, unsigned int digits);
void _linuxu_line_dec(struct linuxu_line *l, long v);
/* Write out what is buffered. */
void _linuxu_line_flush(struct linuxu_line *l);

#endif /* LINUXU_RAWPRINT_H */
