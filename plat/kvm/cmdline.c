/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The command line is copied out of the loader's memory into the image,
 * where it is writable (ukboot splits it in place) and safe from the
 * allocators, which may reuse the loader's memory. A line that does not
 * fit is refused as a whole: cutting it would silently change the
 * arguments.
 */
#include <errno.h>
#include <kvm/setup.h>

static char cmdline[CONFIG_KVM_CMDLINE_MAX];

int _kvm_cmdline_init(struct uk_bootinfo *bi, const char *src)
{
	unsigned int i;

	bi->cmdline = cmdline;
	if (!src)
		return 0;
	for (i = 0; src[i]; i++) {
		if (i == sizeof(cmdline) - 1) {
			cmdline[0] = '\0';
			return -E2BIG;
		}
		cmdline[i] = src[i];
	}
	cmdline[i] = '\0';
	return 0;
}
