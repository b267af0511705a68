/* SPDX-License-Identifier: BSD-3-Clause */
/* Private to the virtio-blk driver and its tests. */
#ifndef VIRTIO_BLK_H
#define VIRTIO_BLK_H

#include <uk/virtio.h>

/*
 * The driver's probe (registered in the virtio driver table): negotiate,
 * check the configuration, set up queue 0, start the device and register
 * a ukblkdev device. 0 or -errno (-EINVAL: unusable configuration).
 */
int _uk_virtio_blk_probe(struct uk_virtio_dev *vdev);

#endif /* VIRTIO_BLK_H */
