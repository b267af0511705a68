/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <string.h>
#include <uk/argparse.h>
#include <uk/test.h>

#define MAXARGS 8

/* Split @line (copied, since splitting writes) and return argc. */
static int split(const char *line, char *buf, size_t bufsz, char *argv[])
{
	strncpy(buf, line, bufsz - 1);
	buf[bufsz - 1] = '\0';
	return uk_argparse(buf, argv, MAXARGS);
}

UK_TESTCASE(ukargparse, plain_words)
{
	char buf[64], *argv[MAXARGS + 1];

	UK_TEST_ASSERT_INT_EQ(split("  a bb\tccc\n", buf, sizeof(buf), argv),
			      3);
	UK_TEST_EXPECT_STR_EQ(argv[0], "a");
	UK_TEST_EXPECT_STR_EQ(argv[1], "bb");
	UK_TEST_EXPECT_STR_EQ(argv[2], "ccc");
	UK_TEST_EXPECT_NULL(argv[3]);
}

UK_TESTCASE(ukargparse, empty_line)
{
	char buf[8], *argv[MAXARGS + 1];

	UK_TEST_EXPECT_INT_EQ(split("", buf, sizeof(buf), argv), 0);
	UK_TEST_EXPECT_NULL(argv[0]);
	UK_TEST_EXPECT_INT_EQ(split(" \t ", buf, sizeof(buf), argv), 0);
}

UK_TESTCASE(ukargparse, quotes)
{
	char buf[96], *argv[MAXARGS + 1];

	UK_TEST_ASSERT_INT_EQ(split("'a b' \"c  d\" e'f g'\"h\" '' \"\"", buf,
				    sizeof(buf), argv),
			      5);
	UK_TEST_EXPECT_STR_EQ(argv[0], "a b");
	UK_TEST_EXPECT_STR_EQ(argv[1], "c  d");
	UK_TEST_EXPECT_STR_EQ(argv[2], "ef gh");
	UK_TEST_EXPECT_STR_EQ(argv[3], "");
	UK_TEST_EXPECT_STR_EQ(argv[4], "");
}

UK_TESTCASE(ukargparse, escapes)
{
	char buf[96], *argv[MAXARGS + 1];

	/* Backslash outside quotes; \" and \\ inside double quotes only. */
	UK_TEST_ASSERT_INT_EQ(split("a\\ b \"x\\\"y\\\\z\\n\" 'q\\r'", buf,
				    sizeof(buf), argv),
			      3);
	UK_TEST_EXPECT_STR_EQ(argv[0], "a b");
	UK_TEST_EXPECT_STR_EQ(argv[1], "x\"y\\z\\n");
	UK_TEST_EXPECT_STR_EQ(argv[2], "q\\r");
	/* The quoting support/scripts/run uses for a single quote: 'it'\''s' */
	UK_TEST_ASSERT_INT_EQ(split("'it'\\''s'", buf, sizeof(buf), argv), 1);
	UK_TEST_EXPECT_STR_EQ(argv[0], "it's");
}

UK_TESTCASE(ukargparse, malformed)
{
	char buf[32], *argv[MAXARGS + 1];

	UK_TEST_EXPECT_INT_EQ(split("a 'b", buf, sizeof(buf), argv), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(split("\"b", buf, sizeof(buf), argv), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(split("b\\", buf, sizeof(buf), argv), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(split("\"b\\\"", buf, sizeof(buf), argv),
			      -EINVAL);
}

UK_TESTCASE(ukargparse, too_many)
{
	char buf[64], *argv[MAXARGS + 1];

	UK_TEST_EXPECT_INT_EQ(split("1 2 3 4 5 6 7 8", buf, sizeof(buf), argv),
			      8);
	UK_TEST_EXPECT_NULL(argv[8]);
	UK_TEST_EXPECT_INT_EQ(split("1 2 3 4 5 6 7 8 9", buf, sizeof(buf),
				    argv),
			      -E2BIG);
}

UK_TESTCASE(ukargparse, split_kernel_app)
{
	char *v1[] = { "mem=1", "x", "--", "a", "--", "b", NULL };
	char *v2[] = { "a", "b", NULL };
	char *v3[] = { "--", NULL };
	char **kargv, **aargv;
	int kargc, aargc;

	uk_argparse_split(6, v1, &kargc, &kargv, &aargc, &aargv);
	UK_TEST_EXPECT_INT_EQ(kargc, 2);
	UK_TEST_EXPECT_STR_EQ(kargv[1], "x");
	UK_TEST_ASSERT_INT_EQ(aargc, 3);
	UK_TEST_EXPECT_STR_EQ(aargv[0], "a");
	UK_TEST_EXPECT_STR_EQ(aargv[1], "--");
	UK_TEST_EXPECT_NULL(aargv[3]);

	uk_argparse_split(2, v2, &kargc, &kargv, &aargc, &aargv);
	UK_TEST_EXPECT_INT_EQ(kargc, 0);
	UK_TEST_EXPECT_INT_EQ(aargc, 2);
	UK_TEST_EXPECT_PTR_EQ(aargv, v2);

	uk_argparse_split(1, v3, NULL, NULL, &aargc, &aargv);
	UK_TEST_EXPECT_INT_EQ(aargc, 0);
	UK_TEST_EXPECT_NULL(aargv[0]);
}
