/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The registry of 9P transports (uk/9pdev.h): a list, filled by the
 * drivers' probes at boot, searched by mount tag. One mount per device:
 * 9P fids and the negotiated msize belong to one session.
 */
#include <errno.h>
#include <string.h>
#include <uk/9pdev.h>
#include <uk/print.h>

static struct uk_9pdev *devices;

int uk_9pdev_register(struct uk_9pdev *dev)
{
	struct uk_9pdev *d;

	if (!dev->tag || !dev->tag[0])
		return -EINVAL;
	for (d = devices; d; d = d->next) {
		if (!strcmp(d->tag, dev->tag)) {
			uk_pr_err("9p: a second device with tag '%s' is ignored\n",
				  dev->tag);
			return -EEXIST;
		}
	}
	dev->in_use = 0;
	dev->next = devices;
	devices = dev;
	return 0;
}

struct uk_9pdev *uk_9pdev_claim(const char *tag, int *busy)
{
	struct uk_9pdev *d;

	*busy = 0;
	for (d = devices; d; d = d->next) {
		if (strcmp(d->tag, tag))
			continue;
		if (d->in_use) {
			*busy = 1;
			return NULL;
		}
		d->in_use = 1;
		return d;
	}
	return NULL;
}

void uk_9pdev_release(struct uk_9pdev *dev)
{
	dev->in_use = 0;
}
