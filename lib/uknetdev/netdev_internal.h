/* SPDX-License-Identifier: BSD-3-Clause */
/* uknetdev's private helpers, shared with its own tests only. */
#ifndef UKNETDEV_INTERNAL_H
#define UKNETDEV_INTERNAL_H

/*
 * Forget the devices registered after the first @count (tests register
 * fake devices and must leave the list as they found it). Not exported.
 */
void _uk_netdev_registry_truncate(unsigned int count);

#endif /* UKNETDEV_INTERNAL_H */
