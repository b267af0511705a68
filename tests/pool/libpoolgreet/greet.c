/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>
#include <poolgreet.h>

/*
 * Global but not in exportsyms.uk: the build makes it local, so another
 * library that declares and calls it fails to link (tests/cases check it).
 */
int poolgreet_secret(void);
int poolgreet_secret(void)
{
	return 42;
}

const char *poolgreet_message(void)
{
	static char msg[128];

	snprintf(msg, sizeof(msg), "Hello from %s! (secret %d)",
		 CONFIG_LIBPOOLGREET_WHO, poolgreet_secret());
	return msg;
}
