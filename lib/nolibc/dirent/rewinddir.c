/* SPDX-License-Identifier: BSD-3-Clause */
#include <unistd.h>
#include "dir.h"

void rewinddir(DIR *d)
{
	lseek(d->fd, 0, SEEK_SET);
	d->pos = d->len = 0;
}
