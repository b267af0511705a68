/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * fs9pcheck MODE: file calls on the 9pfs share mounted at /host.
 *   check  (default) every 9pfs operation, each result and errno checked
 *          in the guest; leaves /host/work for the test to inspect on
 *          the host (see tests/cases/67-9pfs.sh)
 *   gone   waits until the host removes the shared folder (the file
 *          /host/present disappears), then checks that calls fail with
 *          ENOENT/EIO and that nothing crashes
 *   bench  [mib=N] [secs=S] sequential write/read at 4 KiB and 1 MiB,
 *          create+stat+unlink per second (support/bench/fs9p)
 * The calls are the uk_sys_* system calls (a negative errno, as the libc
 * turns it into errno). Exit status 0 on success, 1 on failures, 2 on
 * bad arguments.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "fs9pcheck.h"

int fc_failures;

const char *fc_err(long rc)
{
	static char other[24];

	switch (rc) {
	case 0: return "0";
	case -ENOENT: return "-ENOENT";
	case -EEXIST: return "-EEXIST";
	case -ENOTDIR: return "-ENOTDIR";
	case -EISDIR: return "-EISDIR";
	case -ENOTEMPTY: return "-ENOTEMPTY";
	case -EBADF: return "-EBADF";
	case -EINVAL: return "-EINVAL";
	case -EIO: return "-EIO";
	case -ENOMEM: return "-ENOMEM";
	case -ENODEV: return "-ENODEV";
	case -EACCES: return "-EACCES";
	case -EPERM: return "-EPERM";
	}
	snprintf(other, sizeof(other), "%ld", rc);
	return other;
}

int fc_expect(const char *what, long got, long want)
{
	if (got == want) {
		printf("fs9pcheck: ok %s\n", what);
		return 0;
	}
	printf("fs9pcheck: FAIL %s: got %s, want %s\n", what, fc_err(got),
	       fc_err(want));
	fc_failures++;
	return 1;
}

int main(int argc, char *argv[])
{
	const char *mode = argc > 1 ? argv[1] : "check";
	int rc;

	if (!strcmp(mode, "check"))
		rc = fc_check();
	else if (!strcmp(mode, "gone"))
		rc = fc_gone();
	else if (!strcmp(mode, "bench"))
		return fc_bench(argc - 2, argv + 2);
	else {
		printf("fs9pcheck: unknown mode '%s' (check, gone, bench)\n",
		       mode);
		return 2;
	}
	printf("fs9pcheck: %s: %d failure(s)\n", mode, fc_failures);
	return rc || fc_failures ? 1 : 0;
}
