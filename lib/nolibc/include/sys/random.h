/* SPDX-License-Identifier: BSD-3-Clause */
/* getrandom(): bytes from the image's CSPRNG (ukrandom). */
#ifndef _NOLIBC_SYS_RANDOM_H
#define _NOLIBC_SYS_RANDOM_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

ssize_t getrandom(void *buf, size_t len, unsigned int flags);

#ifdef __cplusplus
}
#endif

#endif /* _NOLIBC_SYS_RANDOM_H */
