/* SPDX-License-Identifier: BSD-3-Clause */
/* Exported through CINCLUDES-y/ASINCLUDES-y/CXXINCLUDES-y, not include/. */
#ifndef IDIOMS_H
#define IDIOMS_H

#define IDIOMS_EXPORTED 7

#ifndef __ASSEMBLY__
#ifdef __cplusplus
extern "C" {
#endif
int idioms_c(void);		/* IDIOMS_CFLAG from LIBPOOLIDIOMS_CFLAGS-y */
int idioms_special(void);	/* IDIOMS_SPECIAL, a per-file flag */
int idioms_as(void);		/* IDIOMS_ASFLAG + an ASINCLUDES header */
int idioms_cxx(void);		/* a C++ global constructor ran */
int idioms_generated(void);	/* a source in LIBPOOLIDIOMS_BUILD */
int idioms_header(void);	/* a header generated through UK_PREPARE */
#ifdef __cplusplus
}
#endif
#endif
#endif /* IDIOMS_H */
