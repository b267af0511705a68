/* SPDX-License-Identifier: BSD-3-Clause */
#include "dir.h"

int dirfd(DIR *d)
{
	return d->fd;
}
