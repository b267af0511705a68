/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>
#include <poolgreet.h>

#if CONFIG_APPPOOLUSER_CALL_INTERNAL
int poolgreet_secret(void);
#endif

int main(void)
{
	printf("%s\n", poolgreet_message());
#if CONFIG_APPPOOLUSER_CALL_INTERNAL
	printf("secret=%d\n", poolgreet_secret());
#endif
	return 0;
}
