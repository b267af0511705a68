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
#include <sys/uio.h>

struct uk_9pdev;

/* Segments of one request at most (request and reply together). */
#define UK_9PDEV_MAX_SEGS	4

struct uk_9pdev_ops {
	/*
	 * Send the request gathered from @out (@nout segments) and receive
	 * the reply scattered into @in (@nin segments, filled in order:
	 * the server writes the reply as one byte stream), sleeping until
	 * the server answers. 1 <= @nout, 1 <= @nin, @nout + @nin <=
	 * UK_9PDEV_MAX_SEGS, no empty segment. Thread context. Returns the
	 * bytes the device wrote (at most the room of @in; the content is
	 * unchecked: the caller decodes it), -EINVAL for bad segments, or
	 * -EIO when the device failed or returned an impossible length.
	 * Segments let a read or write move its data straight between the
	 * device and the caller's buffer.
	 */
	int (*request)(struct uk_9pdev *dev, const struct iovec *out,
		       unsigned int nout, const struct iovec *in,
		       unsigned int nin);
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
