/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Raw Linux x86_64 system calls, without a host libc. Each wrapper returns
 * what the kernel returns: a result >= 0, or a negative errno (-4095..-1).
 * Numbers are the x86_64 ones (arch/x86/entry/syscalls/syscall_64.tbl).
 */
#ifndef LINUXU_SYSCALL_H
#define LINUXU_SYSCALL_H

#include <uk/essentials.h>

#define __NR_read		0
#define __NR_write		1
#define __NR_open		2
#define __NR_close		3
#define __NR_poll		7
#define __NR_lseek		8
#define __NR_mmap		9
#define __NR_rt_sigaction	13
#define __NR_rt_sigprocmask	14
#define __NR_rt_sigreturn	15
#define __NR_ioctl		16
#define __NR_pread64		17
#define __NR_pwrite64		18
#define __NR_readv		19
#define __NR_writev		20
#define __NR_getpid		39
#define __NR_socket		41
#define __NR_fcntl		72
#define __NR_fsync		74
#define __NR_fdatasync		75
#define __NR_ftruncate		77
#define __NR_fchmod		91
#define __NR_fstatfs		138
#define __NR_getdents64		217
#define __NR_rt_sigsuspend	130
#define __NR_sigaltstack	131
#define __NR_arch_prctl		158
#define __NR_timer_create	222
#define __NR_timer_settime	223
#define __NR_clock_gettime	228
#define __NR_exit_group		231
#define __NR_openat		257
#define __NR_mkdirat		258
#define __NR_fchownat		260
#define __NR_newfstatat		262
#define __NR_unlinkat		263
#define __NR_linkat		265
#define __NR_symlinkat		266
#define __NR_readlinkat		267
#define __NR_fchmodat		268
#define __NR_utimensat		280
#define __NR_preadv		295
#define __NR_pwritev		296
#define __NR_renameat2		316
#define __NR_openat2		437
#define __NR_fchmodat2		452

/* The kernel reports errors as return values in [-4095, -1]. */
#define LINUXU_IS_ERR(ret)	((unsigned long)(ret) > -4096UL)

/*
 * The syscall instruction takes the number in rax and arguments in rdi,
 * rsi, rdx, r10, r8, r9; it clobbers rcx (return rip) and r11 (rflags).
 * "memory" because the kernel reads and writes through the pointers.
 */
static inline long linuxu_syscall1(long n, long a1)
{
	long ret;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(n), "D"(a1)
			     : "rcx", "r11", "memory");
	return ret;
}

static inline long linuxu_syscall2(long n, long a1, long a2)
{
	long ret;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(n), "D"(a1), "S"(a2)
			     : "rcx", "r11", "memory");
	return ret;
}

static inline long linuxu_syscall3(long n, long a1, long a2, long a3)
{
	long ret;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(n), "D"(a1), "S"(a2), "d"(a3)
			     : "rcx", "r11", "memory");
	return ret;
}

static inline long linuxu_syscall4(long n, long a1, long a2, long a3,
				   long a4)
{
	register long r10 __asm__("r10") = a4;
	long ret;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10)
			     : "rcx", "r11", "memory");
	return ret;
}

static inline long linuxu_syscall5(long n, long a1, long a2, long a3,
				   long a4, long a5)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	long ret;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10),
			       "r"(r8)
			     : "rcx", "r11", "memory");
	return ret;
}

static inline long linuxu_syscall6(long n, long a1, long a2, long a3,
				   long a4, long a5, long a6)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;
	long ret;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10),
			       "r"(r8), "r"(r9)
			     : "rcx", "r11", "memory");
	return ret;
}

/* Typed wrappers, one per call the platform makes. */

static inline long sys_read(int fd, void *buf, unsigned long len)
{
	return linuxu_syscall3(__NR_read, fd, (long)buf, (long)len);
}

static inline long sys_write(int fd, const void *buf, unsigned long len)
{
	return linuxu_syscall3(__NR_write, fd, (long)buf, (long)len);
}

/* open() flags and lseek() whence (asm-generic/fcntl.h, linux/fs.h). */
#define K_O_RDONLY		00
#define K_O_WRONLY		01
#define K_O_RDWR		02
#define K_O_NONBLOCK		04000
#define K_O_ASYNC		020000
#define K_O_CLOEXEC		02000000
#define K_SEEK_END		2

static inline long sys_open(const char *path, int flags, int mode)
{
	return linuxu_syscall3(__NR_open, (long)path, flags, mode);
}

static inline long sys_close(int fd)
{
	return linuxu_syscall1(__NR_close, fd);
}

static inline long sys_lseek(int fd, long off, int whence)
{
	return linuxu_syscall3(__NR_lseek, fd, off, whence);
}

static inline long sys_ioctl(int fd, unsigned long req, void *arg)
{
	return linuxu_syscall3(__NR_ioctl, fd, (long)req, (long)arg);
}

static inline long sys_pread64(int fd, void *buf, unsigned long len,
			       long off)
{
	return linuxu_syscall4(__NR_pread64, fd, (long)buf, (long)len, off);
}

static inline long sys_pwrite64(int fd, const void *buf, unsigned long len,
				long off)
{
	return linuxu_syscall4(__NR_pwrite64, fd, (long)buf, (long)len, off);
}

struct k_iovec;

/* Scatter/gather read and write (struct k_iovec is in linuxu/io.h). */
static inline long sys_readv(int fd, const struct k_iovec *iov, int cnt)
{
	return linuxu_syscall3(__NR_readv, fd, (long)iov, cnt);
}

static inline long sys_writev(int fd, const struct k_iovec *iov, int cnt)
{
	return linuxu_syscall3(__NR_writev, fd, (long)iov, cnt);
}

/* socket() domain, type and flags (linux/socket.h, linux/net.h). */
#define K_AF_INET		2
#define K_SOCK_DGRAM		2
#define K_SOCK_CLOEXEC		K_O_CLOEXEC

static inline long sys_socket(int domain, int type, int protocol)
{
	return linuxu_syscall3(__NR_socket, domain, type, protocol);
}

static inline long sys_getpid(void)
{
	return linuxu_syscall1(__NR_getpid, 0);
}

/* fcntl() commands (asm-generic/fcntl.h). */
#define K_F_GETFL		3
#define K_F_SETFL		4
#define K_F_SETOWN		8
#define K_F_SETSIG		10

static inline long sys_fcntl(int fd, int cmd, long arg)
{
	return linuxu_syscall3(__NR_fcntl, fd, cmd, arg);
}

static inline long sys_fsync(int fd)
{
	return linuxu_syscall1(__NR_fsync, fd);
}

struct k_pollfd;

static inline long sys_poll(struct k_pollfd *fds, unsigned long nfds,
			    int timeout_ms)
{
	return linuxu_syscall3(__NR_poll, (long)fds, (long)nfds, timeout_ms);
}

static inline long sys_mmap(void *addr, unsigned long len, int prot,
			    int flags, int fd, long off)
{
	return linuxu_syscall6(__NR_mmap, (long)addr, (long)len, prot, flags,
			       fd, off);
}

struct k_sigaction;
struct k_stack;

/* The kernel's sigset_t is 8 bytes on x86_64: the size argument is fixed. */
#define K_SIGSET_SIZE 8

static inline long sys_rt_sigaction(int sig, const struct k_sigaction *act,
				    struct k_sigaction *oact)
{
	return linuxu_syscall4(__NR_rt_sigaction, sig, (long)act, (long)oact,
			       K_SIGSET_SIZE);
}

static inline long sys_rt_sigprocmask(int how, const uint64_t *set,
				      uint64_t *oset)
{
	return linuxu_syscall4(__NR_rt_sigprocmask, how, (long)set,
			       (long)oset, K_SIGSET_SIZE);
}

static inline long sys_rt_sigsuspend(const uint64_t *mask)
{
	return linuxu_syscall2(__NR_rt_sigsuspend, (long)mask, K_SIGSET_SIZE);
}

static inline long sys_sigaltstack(const struct k_stack *ss,
				   struct k_stack *oss)
{
	return linuxu_syscall2(__NR_sigaltstack, (long)ss, (long)oss);
}

/* arch_prctl() @code: set the FS base (asm/prctl.h). */
#define K_ARCH_SET_FS		0x1002

static inline long sys_arch_prctl(int code, unsigned long addr)
{
	return linuxu_syscall2(__NR_arch_prctl, code, (long)addr);
}

struct k_sigevent;
struct k_itimerspec;
struct k_timespec;

static inline long sys_timer_create(int clock, struct k_sigevent *sev,
				    int *timerid)
{
	return linuxu_syscall3(__NR_timer_create, clock, (long)sev,
			       (long)timerid);
}

static inline long sys_timer_settime(int timerid, int flags,
				     const struct k_itimerspec *new,
				     struct k_itimerspec *old)
{
	return linuxu_syscall4(__NR_timer_settime, timerid, flags, (long)new,
			       (long)old);
}

static inline long sys_clock_gettime(int clock, struct k_timespec *ts)
{
	return linuxu_syscall2(__NR_clock_gettime, clock, (long)ts);
}

/*
 * File-system calls (drivers/linuxu/hostfs). Structures (stat, statfs,
 * iovec, timespec, linux_dirent64, open_how) are passed through as the
 * caller's pointers: the caller checks that its types have the kernel's
 * x86_64 layout.
 */
#define K_O_CREAT		0100
#define K_O_EXCL		0200
#define K_O_TRUNC		01000
#define K_O_DIRECTORY		0200000
#define K_O_NOFOLLOW		0400000
#define K_O_PATH		010000000
#define K_AT_FDCWD		(-100)
#define K_AT_SYMLINK_NOFOLLOW	0x100
#define K_AT_REMOVEDIR		0x200
#define K_AT_SYMLINK_FOLLOW	0x400
#define K_AT_EMPTY_PATH		0x1000
#define K_SEEK_SET		0
/* openat2()'s struct open_how resolve flags (linux/openat2.h). */
#define K_RESOLVE_NO_XDEV	0x01
#define K_RESOLVE_NO_MAGICLINKS	0x02
#define K_RESOLVE_NO_SYMLINKS	0x04
#define K_RESOLVE_BENEATH	0x08

struct k_open_how {
	uint64_t flags;
	uint64_t mode;
	uint64_t resolve;
};

static inline long sys_openat(int dirfd, const char *path, int flags,
			      int mode)
{
	return linuxu_syscall4(__NR_openat, dirfd, (long)path, flags, mode);
}

static inline long sys_openat2(int dirfd, const char *path,
			       const struct k_open_how *how)
{
	return linuxu_syscall4(__NR_openat2, dirfd, (long)path, (long)how,
			       sizeof(*how));
}

static inline long sys_newfstatat(int dirfd, const char *path, void *st,
				  int flags)
{
	return linuxu_syscall4(__NR_newfstatat, dirfd, (long)path, (long)st,
			       flags);
}

static inline long sys_fstatfs(int fd, void *st)
{
	return linuxu_syscall2(__NR_fstatfs, fd, (long)st);
}

static inline long sys_mkdirat(int dirfd, const char *path, int mode)
{
	return linuxu_syscall3(__NR_mkdirat, dirfd, (long)path, mode);
}

static inline long sys_unlinkat(int dirfd, const char *path, int flags)
{
	return linuxu_syscall3(__NR_unlinkat, dirfd, (long)path, flags);
}

static inline long sys_renameat2(int odirfd, const char *opath, int ndirfd,
				 const char *npath, unsigned int flags)
{
	return linuxu_syscall5(__NR_renameat2, odirfd, (long)opath, ndirfd,
			       (long)npath, flags);
}

static inline long sys_linkat(int odirfd, const char *opath, int ndirfd,
			      const char *npath, int flags)
{
	return linuxu_syscall5(__NR_linkat, odirfd, (long)opath, ndirfd,
			       (long)npath, flags);
}

static inline long sys_symlinkat(const char *target, int dirfd,
				 const char *path)
{
	return linuxu_syscall3(__NR_symlinkat, (long)target, dirfd,
			       (long)path);
}

static inline long sys_readlinkat(int dirfd, const char *path, char *buf,
				  unsigned long len)
{
	return linuxu_syscall4(__NR_readlinkat, dirfd, (long)path, (long)buf,
			       (long)len);
}

static inline long sys_fchmod(int fd, int mode)
{
	return linuxu_syscall2(__NR_fchmod, fd, mode);
}

static inline long sys_fchmodat(int dirfd, const char *path, int mode)
{
	return linuxu_syscall3(__NR_fchmodat, dirfd, (long)path, mode);
}

static inline long sys_fchmodat2(int dirfd, const char *path, int mode,
				 int flags)
{
	return linuxu_syscall4(__NR_fchmodat2, dirfd, (long)path, mode,
			       flags);
}

static inline long sys_fchownat(int dirfd, const char *path, int uid,
				int gid, int flags)
{
	return linuxu_syscall5(__NR_fchownat, dirfd, (long)path, uid, gid,
			       flags);
}

static inline long sys_utimensat(int dirfd, const char *path,
				 const void *times, int flags)
{
	return linuxu_syscall4(__NR_utimensat, dirfd, (long)path,
			       (long)times, flags);
}

static inline long sys_ftruncate(int fd, long len)
{
	return linuxu_syscall2(__NR_ftruncate, fd, len);
}

static inline long sys_fdatasync(int fd)
{
	return linuxu_syscall1(__NR_fdatasync, fd);
}

static inline long sys_getdents64(int fd, void *buf, unsigned long len)
{
	return linuxu_syscall3(__NR_getdents64, fd, (long)buf, (long)len);
}

/* @off as one 64-bit value: x86_64 ignores the high half (pos_h). */
static inline long sys_preadv(int fd, const void *iov, int cnt, long off)
{
	return linuxu_syscall5(__NR_preadv, fd, (long)iov, cnt, off, 0);
}

static inline long sys_pwritev(int fd, const void *iov, int cnt, long off)
{
	return linuxu_syscall5(__NR_pwritev, fd, (long)iov, cnt, off, 0);
}

static inline __noreturn void sys_exit_group(int status)
{
	for (;;)
		linuxu_syscall1(__NR_exit_group, status);
}

#endif /* LINUXU_SYSCALL_H */
