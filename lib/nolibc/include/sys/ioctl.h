/* SPDX-License-Identifier: BSD-3-Clause */
/* ioctl() and the requests Kiln's files answer (Linux's numbers). */
#ifndef _NOLIBC_SYS_IOCTL_H
#define _NOLIBC_SYS_IOCTL_H

#ifdef __cplusplus
extern "C" {
#endif

#define TCGETS		0x5401
#define TIOCGWINSZ	0x5413
#define FIONREAD	0x541B
#define FIONBIO		0x5421
#define FIOCLEX		0x5451
#define FIONCLEX	0x5450

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

int ioctl(int fd, unsigned long req, ...);

#ifdef __cplusplus
}
#endif

#endif /* _NOLIBC_SYS_IOCTL_H */
