/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Host resources a linuxu image was given on its command line, for the
 * linuxu device drivers (drivers/linuxu):
 *   -n TAP       a tap interface the image may open (network device)
 *   -d FILE      a file or host block device to use as a disk
 *   -d FILE:ro   the same, read-only
 * Each option may be repeated (up to UK_LINUXU_HOSTDEV_MAX times in
 * all); they come before the kernel and application arguments, in any
 * order with -m. Drivers create one device per option, in order.
 */
#ifndef UK_PLAT_LINUXU_HOSTDEV_H
#define UK_PLAT_LINUXU_HOSTDEV_H

#define UK_LINUXU_HOSTDEV_MAX	8

#define UK_LINUXU_HOSTDEV_NET	'n'
#define UK_LINUXU_HOSTDEV_DISK	'd'

/*
 * The argument of the @idx-th (from 0) option of kind @kind, exactly as
 * given (a disk's ":ro" suffix included), or NULL when there are fewer.
 * Valid for the life of the image.
 */
const char *uk_linuxu_hostdev(int kind, unsigned int idx);

#endif /* UK_PLAT_LINUXU_HOSTDEV_H */
