/* SPDX-License-Identifier: BSD-3-Clause */
/* The smallest Kiln application: greet, then show the arguments. */
#include <stdio.h>

int main(int argc, char *argv[])
{
	printf("Hello world!\n");
#if CONFIG_APPHELLOWORLD_PRINTARGS
	printf("argc=%d\n", argc);
	for (int i = 0; i < argc; i++)
		printf("argv[%d]=%s\n", i, argv[i]);
#endif
	return 0;
}
