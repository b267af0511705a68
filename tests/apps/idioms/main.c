/* SPDX-License-Identifier: BSD-3-Clause */
/* Print what each Makefile.uk idiom of libpoolidioms produced. */
#include <stdio.h>
#include <idioms.h>	/* exported by CINCLUDES-y of the library */

int main(void)
{
	printf("c=%d special=%d as=%d cxx=%d generated=%d header=%d\n",
	       idioms_c(), idioms_special(), idioms_as(), idioms_cxx(),
	       idioms_generated(), idioms_header());
	return 0;
}
