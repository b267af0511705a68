/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The core against a real device: a minimal virtio-rng driver (one
 * queue of device-writable buffers) linked only into test images. With
 * a virtio-rng device on any transport (PCI modern with MSI-X or INTx,
 * PCI legacy, MMIO), the case fills a buffer through the interrupt path
 * and prints one line the integration tests look for; without one it
 * checks nothing.
 */
#include <errno.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>
#include <uk/print.h>
#include <uk/test.h>
#include <uk/virtio.h>
#include <stdio.h>

static struct {
	struct uk_virtio_dev *vdev;
	struct uk_virtqueue *vq;
	volatile unsigned int irqs;
	uint8_t buf[64];
} rng;

static void rng_cb(struct uk_virtqueue *vq __unused, void *arg __unused)
{
	rng.irqs++;
}

static int rng_probe(struct uk_virtio_dev *vdev)
{
	int rc;

	if (rng.vdev)
		return -EBUSY;
	rc = uk_virtio_negotiate(vdev, 0);
	if (rc < 0)
		return rc;
	rng.vq = uk_virtio_vq_setup(vdev, 0, 16, rng_cb, NULL, NULL);
	if (!rng.vq)
		return -ENOMEM;
	rng.vdev = vdev;
	return uk_virtio_start(vdev);
}

UK_VIRTIO_DRIVER(testrng, UK_VIRTIO_ID_RNG, rng_probe);

UK_TESTCASE(ukvirtio, rng_device)
{
	struct uk_virtqueue_seg s = { rng.buf, sizeof(rng.buf) };
	__nsec deadline;
	unsigned int round, bytes = 0;
	uint32_t len;
	void *cookie;
	int rc;

	if (!rng.vq)
		return;
	/* Three rounds: each one an add, a kick, an interrupt, a get. */
	for (round = 0; round < 3; round++) {
		UK_TEST_ASSERT_INT_EQ(uk_virtqueue_add(rng.vq, &rng, &s, 0, 1),
				      0);
		uk_virtqueue_kick(rng.vq);
		deadline = uk_plat_monotonic_ns() + 2 * UK_NSEC_PER_SEC;
		while ((rc = uk_virtqueue_get(rng.vq, &cookie, &len)) == 0 &&
		       uk_plat_monotonic_ns() < deadline)
			uk_plat_halt_irq();
		UK_TEST_ASSERT_INT_EQ(rc, 1);
		UK_TEST_EXPECT_PTR_EQ(cookie, &rng);
		UK_TEST_EXPECT(len > 0 && len <= sizeof(rng.buf));
		bytes += len;
	}
	UK_TEST_EXPECT_INT_GE(rng.irqs, 3);
	UK_TEST_EXPECT_INT_EQ(uk_virtqueue_errors(rng.vq), 0);
	printf("virtio-rng test: %u bytes over %s%s, %u interrupts\n", bytes,
	       rng.vdev->transport, rng.vdev->legacy ? " (legacy)" : "",
	       rng.irqs);
}
