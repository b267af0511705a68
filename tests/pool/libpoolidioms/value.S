/* SPDX-License-Identifier: BSD-3-Clause */
#include <idioms.h>		/* ASINCLUDES-y */
#include <idioms_as.h>		/* LIBPOOLIDIOMS_ASINCLUDES-y */

	.text
	.globl idioms_as
	.type idioms_as, @function
idioms_as:
	movl $(IDIOMS_ASFLAG + IDIOMS_ASPRIV + IDIOMS_EXPORTED), %eax
	ret
	.size idioms_as, . - idioms_as
	.section .note.GNU-stack, "", @progbits
