/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The output sink of the printf family. A string sink drops what does not
 * fit but goes on counting, which gives snprintf() its return value; a
 * stream sink writes its buffer out each time it fills up.
 */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include "stdio_impl.h"

void _nolibc_sink_flush(struct _nolibc_sink *k)
{
	int r;

	if (!k->f)
		return;
	/* After a failure the rest is counted but not written. */
	if (!k->err) {
		r = _nolibc_file_write(k->f, k->buf, k->pos);
		if (r < 0)
			k->err = r;
	}
	k->pos = 0;
}

/* Room in the buffer, after flushing a full one; 0 means drop. */
static size_t sink_room(struct _nolibc_sink *k)
{
	if (k->pos == k->cap)
		_nolibc_sink_flush(k);
	return k->cap - k->pos;
}

void _nolibc_sink_write(struct _nolibc_sink *k, const char *s, size_t n)
{
	k->total += n;
	while (n) {
		size_t room = sink_room(k);

		if (!room)
			return;
		if (room > n)
			room = n;
		memcpy(k->buf + k->pos, s, room);
		k->pos += room;
		s += room;
		n -= room;
	}
}

void _nolibc_sink_fill(struct _nolibc_sink *k, char c, size_t n)
{
	k->total += n;
	while (n) {
		size_t room = sink_room(k);

		if (!room)
			return;
		if (room > n)
			room = n;
		memset(k->buf + k->pos, c, room);
		k->pos += room;
		n -= room;
	}
}

int _nolibc_sink_result(const struct _nolibc_sink *k)
{
	if (k->err) {
		errno = -k->err;
		return -1;
	}
	if (k->total > INT_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)k->total;
}
