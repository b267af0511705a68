/* SPDX-License-Identifier: BSD-3-Clause */
/* Spinlocks: try/lock/unlock and the interrupt-masking variants. */
#include <uk/lock.h>
#include <uk/test.h>

UK_TESTCASE(uklock, spinlock)
{
	struct uk_spinlock l = UK_SPINLOCK_INITIALIZER;
	unsigned long flags;
	int was = uk_plat_irq_enabled();

	UK_TEST_EXPECT_INT_EQ(uk_spin_trylock(&l), 1);
	UK_TEST_EXPECT_INT_EQ(uk_spin_trylock(&l), 0);
	uk_spin_unlock(&l);
	uk_spin_lock(&l);
	UK_TEST_EXPECT(uk_spin_is_locked(&l));
	uk_spin_unlock(&l);
	/* irqsave masks interrupts and restores what was there before. */
	uk_spin_lock_irqsave(&l, flags);
	UK_TEST_EXPECT_INT_EQ(uk_plat_irq_enabled(), 0);
	uk_spin_unlock_irqrestore(&l, flags);
	UK_TEST_EXPECT_INT_EQ(uk_plat_irq_enabled(), was);
	UK_TEST_EXPECT(!uk_spin_is_locked(&l));
}
