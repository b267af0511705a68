/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdlib.h>
#include <unistd.h>
#include "dir.h"

int closedir(DIR *d)
{
	int rc = close(d->fd);

	free(d);
	return rc;
}
