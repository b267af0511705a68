/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef POOLGREET_H
#define POOLGREET_H

/* "Hello from <CONFIG_LIBPOOLGREET_WHO>!"; the string is static. */
const char *poolgreet_message(void);

#endif /* POOLGREET_H */
