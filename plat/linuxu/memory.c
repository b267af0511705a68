/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Memory of a linuxu image: the image itself, as the linker laid it out,
 * and one anonymous mapping that stands for the machine's RAM. Its size
 * comes from a leading `-m SIZE` on the host command line, QEMU's spelling
 * and meaning (a plain number is MiB), or CONFIG_LINUXU_DEFAULT_HEAP_MB.
 */
#include <errno.h>
#include <uk/param.h>
#include <uk/plat/bootinfo.h>
#include <linuxu/io.h>
#include <linuxu/setup.h>
#include <linuxu/syscall.h>

/* Defined by the default GNU ld script: the first and last byte + 1. */
extern char __executable_start[];
extern char _end[];

int _linuxu_mem_parse(const char *s, unsigned long *len)
{
	uint64_t v;

	/* QEMU's -m convention: a plain number is MiB. */
	if (uk_param_parse_size(s, NULL, 20, &v) < 0 || v == 0 ||
	    v > LINUXU_MEM_MAX)
		return -EINVAL;
	*len = v;
	return 0;
}

int _linuxu_mem_init(struct uk_bootinfo *bi, unsigned long heap_len)
{
	long ret;

	uk_bootinfo_add_region(bi, (uintptr_t)__executable_start,
			       _end - __executable_start,
			       UK_MEMREGION_KERNEL, "image");

	/*
	 * -m 1K is accepted but the kernel maps whole pages: say so in the
	 * region, so that an allocator may use the whole page.
	 */
	heap_len = ALIGN_UP(heap_len, K_PAGE_SIZE);
	ret = sys_mmap(NULL, heap_len, K_PROT_READ | K_PROT_WRITE,
		       K_MAP_PRIVATE | K_MAP_ANONYMOUS, -1, 0);
	if (LINUXU_IS_ERR(ret))
		return ret;
	return uk_bootinfo_add_region(bi, (uintptr_t)ret, heap_len,
				      UK_MEMREGION_FREE, "heap");
}

int _linuxu_initrd_map(struct uk_bootinfo *bi, const char *path)
{
	long fd, len, addr;

	fd = sys_open(path, K_O_RDONLY | K_O_CLOEXEC, 0);
	if (fd < 0)
		return fd;
	len = sys_lseek(fd, 0, K_SEEK_END);
	if (len <= 0) {
		sys_close(fd);
		return len;
	}
	/*
	 * Private, like a boot loader's module in RAM: nothing the image
	 * does reaches the host file, and once the archive is unpacked its
	 * pages may become heap (copy-on-write).
	 */
	addr = sys_mmap(NULL, len, K_PROT_READ | K_PROT_WRITE, K_MAP_PRIVATE,
			fd, 0);
	sys_close(fd);
	if (LINUXU_IS_ERR(addr))
		return addr;
	return uk_bootinfo_add_region(bi, (uintptr_t)addr, len,
				      UK_MEMREGION_INITRD, "initrd");
}
