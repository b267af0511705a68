/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 9P transports: a device that carries 9P messages to a server and back
 * (virtio-9p on kvm). A driver registers each device with its mount tag;
 * 9pfs finds it by tag at mount time and sends one request at a time per
 * calling thread (several threads may have requests in flight).
 *
 * Buffers are the caller's and must stay valid until request() returns;
 * they must be addressable by the device (on kvm any kernel pointer).
 */
#ifndef UK_9PDEV_H
#define UK_9PDEV_H

#include <stdint.h>

struct uk_9pdev;

struct uk_9pdev_ops {
	/*
	 * Send the @reqlen bytes at @req and receive the reply into @reply
	 * (room for @cap bytes), sleeping until the server answers. Thread
	 * context. Returns the bytes the device wrote (at most @cap; the
	 * content is unchecked: the caller decodes it), or -EIO when the
	 * device failed or returned an impossible length.
	 */
	int (*request)(struct uk_9pdev *dev, const void *req, uint32_t reqlen,
		       void *reply, uint32_t cap);
};

struct uk_9pdev {
	const struct uk_9pdev_ops *ops;
	/* The mount tag: NUL-terminated, 1 to 255 bytes. */
	const char *tag;
	/* The largest message the transport carries each way. */
	uint32_t max_msize;
	/* Private to the registry. */
	struct uk_9pdev *next;
	int in_use;
};

/*
 * Add @dev (its ops, tag and max_msize set). -EEXIST when a device with
 * the same tag is registered (the first keeps the tag), -EINVAL for an
 * empty tag.
 */
int uk_9pdev_register(struct uk_9pdev *dev);

/*
 * Claim the device whose tag is @tag for a mount: the device, or NULL
 * when there is none (-ENODEV for the caller) or it is already mounted
 * (*@busy set). Release it with uk_9pdev_release().
 */
struct uk_9pdev *uk_9pdev_claim(const char *tag, int *busy);
void uk_9pdev_release(struct uk_9pdev *dev);

#endif /* UK_9PDEV_H */
