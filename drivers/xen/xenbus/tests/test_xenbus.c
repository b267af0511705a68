/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The xenstore client against the real xenstored of the Xen rig: the
 * guest's own nodes (name, domid), writes under its data/ folder (which
 * the toolstack makes writable), directories, errors, transactions,
 * watches and the device state machine.
 */
#include <errno.h>
#include <string.h>
#include <uk/test.h>
#include <uk/xenbus.h>

#define T_DIR	"data/kiln-test"

UK_TESTCASE(xenbus, read_own_nodes)
{
	unsigned long long domid;
	char name[64];

	UK_TEST_EXPECT_INT_GT(uk_xenbus_read(UK_XENBUS_NO_TX, "name", name,
					     sizeof(name)), 0);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_read_uint(UK_XENBUS_NO_TX, "domid",
						  0x7fef, &domid), 0);
	/* dom0 is never a PVH guest of the rig. */
	UK_TEST_EXPECT(domid > 0);
}

UK_TESTCASE(xenbus, write_read_rm)
{
	char buf[32];

	/* before: no node; after the write: its value; after rm: gone */
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_read(UK_XENBUS_NO_TX, T_DIR "/a", buf,
					     sizeof(buf)), -ENOENT);
	UK_TEST_ASSERT_INT_EQ(uk_xenbus_write(UK_XENBUS_NO_TX, T_DIR "/a",
					      "hello"), 0);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_read(UK_XENBUS_NO_TX, T_DIR "/a", buf,
					     sizeof(buf)), 5);
	UK_TEST_EXPECT_STR_EQ(buf, "hello");
	/* Too small a buffer: -ERANGE, the buffer empty. */
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_read(UK_XENBUS_NO_TX, T_DIR "/a", buf,
					     5), -ERANGE);
	UK_TEST_EXPECT_STR_EQ(buf, "");
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_rm(UK_XENBUS_NO_TX, T_DIR "/a"), 0);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_read(UK_XENBUS_NO_TX, T_DIR "/a", buf,
					     sizeof(buf)), -ENOENT);
}

UK_TESTCASE(xenbus, read_uint_checks)
{
	unsigned long long v;

	UK_TEST_ASSERT_INT_EQ(uk_xenbus_write(UK_XENBUS_NO_TX, T_DIR "/n",
					      "12x"), 0);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_read_uint(UK_XENBUS_NO_TX, T_DIR "/n",
						  100, &v), -EINVAL);
	uk_xenbus_write(UK_XENBUS_NO_TX, T_DIR "/n", "101");
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_read_uint(UK_XENBUS_NO_TX, T_DIR "/n",
						  100, &v), -EINVAL);
	uk_xenbus_write(UK_XENBUS_NO_TX, T_DIR "/n", "");
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_read_uint(UK_XENBUS_NO_TX, T_DIR "/n",
						  100, &v), -EINVAL);
	uk_xenbus_write(UK_XENBUS_NO_TX, T_DIR "/n", "100");
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_read_uint(UK_XENBUS_NO_TX, T_DIR "/n",
						  100, &v), 0);
	UK_TEST_EXPECT_INT_EQ(v, 100);
	uk_xenbus_rm(UK_XENBUS_NO_TX, T_DIR "/n");
}

UK_TESTCASE(xenbus, directory)
{
	char buf[64];

	uk_xenbus_rm(UK_XENBUS_NO_TX, T_DIR "/d");
	uk_xenbus_write(UK_XENBUS_NO_TX, T_DIR "/d/x", "1");
	uk_xenbus_write(UK_XENBUS_NO_TX, T_DIR "/d/yy", "2");
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_directory(UK_XENBUS_NO_TX, T_DIR "/d",
						  buf, sizeof(buf)), 2);
	/* xenstored lists children in name order. */
	UK_TEST_EXPECT_STR_EQ(buf, "x");
	UK_TEST_EXPECT_STR_EQ(buf + 2, "yy");
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_directory(UK_XENBUS_NO_TX, T_DIR "/d",
						  buf, 3), -ERANGE);
	uk_xenbus_rm(UK_XENBUS_NO_TX, T_DIR "/d");
}

UK_TESTCASE(xenbus, errors)
{
	char buf[8];

	/* Another domain's home: not ours to write. */
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_write(UK_XENBUS_NO_TX,
					      "/local/domain/0/kiln", "x"),
			      -EACCES);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_read(UK_XENBUS_NO_TX, "", buf,
					     sizeof(buf)), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_read(UK_XENBUS_NO_TX, NULL, buf,
					     sizeof(buf)), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_transaction_end(UK_XENBUS_NO_TX, 0),
			      -EINVAL);
}

UK_TESTCASE(xenbus, transactions)
{
	uk_xenbus_tx_t tx;
	char buf[16];

	uk_xenbus_write(UK_XENBUS_NO_TX, T_DIR "/t", "old");
	/* Aborted: the old value stays. */
	UK_TEST_ASSERT_INT_EQ(uk_xenbus_transaction_start(&tx), 0);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_write(tx, T_DIR "/t", "new"), 0);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_read(tx, T_DIR "/t", buf,
					     sizeof(buf)), 3);
	UK_TEST_EXPECT_STR_EQ(buf, "new");
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_transaction_end(tx, 1), 0);
	uk_xenbus_read(UK_XENBUS_NO_TX, T_DIR "/t", buf, sizeof(buf));
	UK_TEST_EXPECT_STR_EQ(buf, "old");
	/* Committed: the new value. */
	UK_TEST_ASSERT_INT_EQ(uk_xenbus_transaction_start(&tx), 0);
	uk_xenbus_write(tx, T_DIR "/t", "new");
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_transaction_end(tx, 0), 0);
	uk_xenbus_read(UK_XENBUS_NO_TX, T_DIR "/t", buf, sizeof(buf));
	UK_TEST_EXPECT_STR_EQ(buf, "new");
	/* A conflicting write outside: the commit says -EAGAIN. */
	UK_TEST_ASSERT_INT_EQ(uk_xenbus_transaction_start(&tx), 0);
	uk_xenbus_read(tx, T_DIR "/t", buf, sizeof(buf));
	uk_xenbus_write(tx, T_DIR "/t", "mine");
	uk_xenbus_write(UK_XENBUS_NO_TX, T_DIR "/t", "theirs");
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_transaction_end(tx, 0), -EAGAIN);
	uk_xenbus_read(UK_XENBUS_NO_TX, T_DIR "/t", buf, sizeof(buf));
	UK_TEST_EXPECT_STR_EQ(buf, "theirs");
	uk_xenbus_rm(UK_XENBUS_NO_TX, T_DIR "/t");
}

UK_TESTCASE(xenbus, watch)
{
	static struct uk_xenbus_watch w;
	int n;

	UK_TEST_ASSERT_INT_EQ(uk_xenbus_watch(&w, T_DIR "/w"), 0);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_watch(&w, T_DIR "/w"), -EBUSY);
	/* The event of the registration itself. */
	n = uk_xenbus_watch_wait(&w, 0, 5 * UK_NSEC_PER_SEC);
	UK_TEST_EXPECT_INT_GE(n, 1);
	uk_xenbus_write(UK_XENBUS_NO_TX, T_DIR "/w/x", "1");
	UK_TEST_EXPECT_INT_GT(uk_xenbus_watch_wait(&w, n, 5 * UK_NSEC_PER_SEC),
			      n);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_unwatch(&w), 0);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_unwatch(&w), -EINVAL);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_watch_wait(&w, 0, 1), -EINVAL);
	uk_xenbus_rm(UK_XENBUS_NO_TX, T_DIR "/w");
}

UK_TESTCASE(xenbus, state_machine)
{
	enum uk_xenbus_state s;

	UK_TEST_EXPECT_INT_EQ(uk_xenbus_switch_state(UK_XENBUS_NO_TX, T_DIR,
						     UK_XENBUS_INITIALISING),
			      0);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_read_state(T_DIR, &s), 0);
	UK_TEST_EXPECT_INT_EQ(s, UK_XENBUS_INITIALISING);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_switch_state(UK_XENBUS_NO_TX, T_DIR,
						     (enum uk_xenbus_state)9),
			      -EINVAL);
	/* Already there: at once; never reached: the timeout. */
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_wait_state(T_DIR,
						   UK_XENBUS_INITIALISING,
						   UK_NSEC_PER_SEC), 0);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_wait_state(T_DIR,
						   UK_XENBUS_CONNECTED,
						   100 * UK_NSEC_PER_MSEC),
			      -ETIMEDOUT);
	/* The other end closing instead. */
	uk_xenbus_switch_state(UK_XENBUS_NO_TX, T_DIR, UK_XENBUS_CLOSED);
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_wait_state(T_DIR,
						   UK_XENBUS_CONNECTED,
						   UK_NSEC_PER_SEC),
			      -ENOTCONN);
	/* A value that is no state. */
	uk_xenbus_write(UK_XENBUS_NO_TX, T_DIR "/state", "42");
	UK_TEST_EXPECT_INT_EQ(uk_xenbus_read_state(T_DIR, &s), -EINVAL);
	uk_xenbus_rm(UK_XENBUS_NO_TX, T_DIR);
}
