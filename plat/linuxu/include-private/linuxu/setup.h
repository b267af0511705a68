/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The pieces of the linuxu platform that setup.c assembles at process
 * entry, and the internal calls between its files. Nothing here is API:
 * exportsyms.uk hides these symbols from the rest of the image.
 */
#ifndef LINUXU_SETUP_H
#define LINUXU_SETUP_H

#include <uk/essentials.h>
#include <uk/plat/bootinfo.h>

/* Called by _start (x86_64/entry.S) with the process' argc and argv. */
void _linuxu_entry(int argc, char **argv) __noreturn;

/*
 * Parse a -m value ("64M", "512K", "1G", or a plain number of MiB) into
 * bytes, with the size parser of every command line
 * (uk_param_parse_size()). Returns 0, or -EINVAL for garbage, zero or
 * more than LINUXU_MEM_MAX.
 */
#define LINUXU_MEM_MAX (65536ULL << 20)
int _linuxu_mem_parse(const char *s, unsigned long *len);

/*
 * Add the image (UK_MEMREGION_KERNEL) and a freshly mapped heap of
 * @heap_len bytes (UK_MEMREGION_FREE) to @bi. Returns 0 or the negative
 * errno of the failed mmap().
 */
int _linuxu_mem_init(struct uk_bootinfo *bi, unsigned long heap_len);

/*
 * Map the host file @path (private: copy-on-write) and add it to @bi as
 * an initrd region (an empty file adds nothing). Returns 0 or a negative
 * errno.
 */
int _linuxu_initrd_map(struct uk_bootinfo *bi, const char *path);

/* Install the crash handlers and their alternate stack; 0 or -errno. */
int _linuxu_crash_init(void);

/*
 * Take over the signal mask and install the handlers of the interrupt
 * signals. Returns with interrupts disabled; 0 or -errno.
 */
int _linuxu_irq_init(void);

/*
 * Create the one-shot timer. A failure is remembered and returned by
 * uk_plat_timer_arm(), so images that never use the timer still boot.
 */
void _linuxu_timer_init(void);

/* The timer's signal arrived: run the handler (interrupts disabled). */
void _linuxu_timer_fire(void);

#endif /* LINUXU_SETUP_H */
