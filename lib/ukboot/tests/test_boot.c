/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The init table runs by (class, priority) and constructors
 * run before any init. Each registered function appends its id to a log
 * that the test cases compare with the order the contract promises.
 */
#include <uk/init.h>
#include <uk/test.h>

static int order_log[16];
static int order_len;
static int ctor_seen_at = -1;

static void log_id(int id)
{
	if (order_len < (int)ARRAY_SIZE(order_log))
		order_log[order_len++] = id;
}

static void __attribute__((constructor)) boot_test_ctor(void)
{
	ctor_seen_at = order_len;
	log_id(100);
}

/* Registered out of order on purpose; the ids give the expected order. */
static int init_lib_p7(void) { log_id(5); return 0; }
static int init_early_p2(void) { log_id(1); return 0; }
static int init_lib_p1_a(void) { log_id(3); return 0; }
static int init_lib_p1_b(void) { log_id(4); return 0; }
static int init_sys(void) { log_id(6); return 0; }
static int init_plat(void) { log_id(2); return 0; }

uk_initcall_class_prio(init_lib_p7, NULL, UK_INIT_CLASS_LIB, 7);
uk_initcall_class_prio(init_early_p2, NULL, UK_INIT_CLASS_EARLY, 2);
uk_initcall_class_prio(init_lib_p1_a, NULL, UK_INIT_CLASS_LIB, 1);
uk_initcall_class_prio(init_lib_p1_b, NULL, UK_INIT_CLASS_LIB, 1);
uk_sys_initcall(init_sys, NULL);
uk_plat_initcall(init_plat, NULL);

UK_TESTCASE(ukboot, constructors_before_inits)
{
	UK_TEST_EXPECT_INT_EQ(ctor_seen_at, 0);
	UK_TEST_ASSERT(order_len > 0);
	UK_TEST_EXPECT_INT_EQ(order_log[0], 100);
}

UK_TESTCASE(ukboot, inittab_order)
{
	int i;

	/*
	 * The constructor's entry, then ids 1..6 in order, except that 3 and
	 * 4 share class and priority: their relative order is unspecified.
	 */
	UK_TEST_ASSERT_INT_EQ(order_len, 7);
	for (i = 1; i < order_len; i++) {
		if (i == 3 || i == 4)
			UK_TEST_EXPECT(order_log[i] == 3 || order_log[i] == 4);
		else
			UK_TEST_EXPECT_INT_EQ(order_log[i], i);
	}
	UK_TEST_EXPECT_INT_NE(order_log[3], order_log[4]);
}

UK_TESTCASE(ukboot, inittab_sorted)
{
	const struct uk_inittab_entry *e;
	int n = 0;

	/* Every entry is well formed and the table is not empty. */
	UK_TABLE_FOREACH(e, inittab) {
		UK_TEST_EXPECT_NOT_NULL(e->name);
		n++;
	}
	UK_TEST_EXPECT_INT_GE(n, 6);
}
