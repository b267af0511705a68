/* SPDX-License-Identifier: BSD-3-Clause */
#include <idioms.h>
#include <idioms_c.h>		/* LIBPOOLIDIOMS_CINCLUDES-y */
#include <idioms_gen.h>		/* generated, UK_PREPARE */

#ifdef IDIOMS_SPECIAL
#error "a per-file flag of special.c reached idioms.c"
#endif
#if !IDIOMS_EXTRA
#error "CINCLUDES-$(CONFIG_LIBPOOLIDIOMS_EXTRA) did not apply"
#endif

int idioms_c(void)
{
	return IDIOMS_CFLAG + IDIOMS_CPRIV;
}

int idioms_header(void)
{
	return IDIOMS_GENERATED;
}
