/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>
#include <uk/test.h>

UK_TESTCASE(failingtest, passes)
{
	UK_TEST_EXPECT_INT_EQ(2 + 2, 4);
}

UK_TESTCASE(failingtest, fails)
{
	UK_TEST_EXPECT_INT_EQ(1 + 1, 3);
}

int main(void)
{
	printf("main ran\n");
	return 0;
}
