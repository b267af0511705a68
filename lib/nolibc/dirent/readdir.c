/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include "dir.h"

/* NULL at the end (errno unchanged) or on an error (errno set). */
struct dirent *readdir(DIR *d)
{
	struct dirent *de;
	ssize_t n;

	if (d->pos >= d->len) {
		n = getdents64(d->fd, d->buf, sizeof(d->buf));
		if (n <= 0)
			return NULL;
		d->len = n;
		d->pos = 0;
	}
	de = (struct dirent *)(d->buf + d->pos);
	d->pos += de->d_reclen;
	return de;
}
