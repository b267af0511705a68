/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The extended context survives a save, a clobber and a restore. Runs on
 * every platform: on linuxu the state is the process' own (FXSAVE works
 * in user mode), on kvm it is the one ukarch_ectx_init() enabled.
 */
#include <uk/arch/ectx.h>
#include <uk/test.h>

static char save_area[8192] __aligned(UKARCH_ECTX_ALIGN);

UK_TESTCASE(x86_64arch, ectx_size)
{
	/* At least the legacy FXSAVE area; AVX-512 needs about 2.7 KiB. */
	UK_TEST_EXPECT_INT_GE(ukarch_ectx_size(), 512);
	UK_TEST_EXPECT_INT_LE(ukarch_ectx_size(), sizeof(save_area));
}

UK_TESTCASE(x86_64arch, ectx_save_restore)
{
	static const uint64_t want[2] = { 0x1122334455667788ULL,
					  0x99aabbccddeeff00ULL };
	uint64_t got[2] = { 0, 0 };

	UK_TEST_ASSERT(ukarch_ectx_size() <= sizeof(save_area));
	/*
	 * This library is built with -mgeneral-regs-only, so the compiler
	 * neither uses xmm7 here nor lets us name it as clobbered, and the
	 * save/restore functions in between do not touch it either.
	 */
	__asm__ __volatile__("movdqu %0, %%xmm7" : : "m"(want));
	ukarch_ectx_save(save_area);
	__asm__ __volatile__("pxor %xmm7, %xmm7");
	ukarch_ectx_restore(save_area);
	__asm__ __volatile__("movdqu %%xmm7, %0" : "=m"(got));
	UK_TEST_EXPECT(got[0] == want[0]);
	UK_TEST_EXPECT(got[1] == want[1]);
}
