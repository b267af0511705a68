/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 9pfs: the message codec (requests byte for byte, replies checked), the
 * transport registry, and the whole client against a scripted fake
 * server whose bad replies must each fail one call with EIO.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <uk/9pdev.h>
#include <uk/test.h>
#include <uk/vfs.h>
#include <uk/vfs_sys.h>
#include "../p9msg.h"

UK_TESTCASE(9pfs, twalk_bytes)
{
	static const uint8_t want[] = {
		24, 0, 0, 0, P9_TWALK, 5, 0,	/* size, type, tag */
		1, 0, 0, 0, 2, 0, 0, 0,		/* fid, newfid */
		2, 0, 1, 0, 'a', 2, 0, 'b', 'c'	/* nwname, names */
	};
	const char *names[] = { "a", "bc" };
	uint16_t lens[] = { 1, 2 };
	uint8_t buf[64];
	struct p9_msg m;

	p9_req_begin(&m, buf, sizeof(buf), P9_TWALK, 5);
	UK_TEST_EXPECT_INT_EQ(p9_twalk(&m, 1, 2, 2, names, lens), 24);
	UK_TEST_EXPECT_MEM_EQ(buf, want, sizeof(want));
}

UK_TESTCASE(9pfs, request_too_large)
{
	uint8_t buf[16];
	struct p9_msg m;

	/* after: -EMSGSIZE, and nothing written past the buffer */
	p9_req_begin(&m, buf, sizeof(buf), P9_TATTACH, 1);
	UK_TEST_EXPECT_INT_EQ(p9_tattach(&m, 0, "root", "", 0), -EMSGSIZE);
	UK_TEST_EXPECT_INT_LE(m.pos, sizeof(buf));
}

/* A reply of @type with @tag and @n bytes of @body, into @buf. */
static size_t reply(uint8_t *buf, uint8_t type, uint16_t tag,
		    const void *body, size_t n)
{
	size_t len = P9_HDR_SIZE + n;

	buf[0] = (uint8_t)len;
	buf[1] = (uint8_t)(len >> 8);
	buf[2] = buf[3] = 0;
	buf[4] = type;
	buf[5] = (uint8_t)tag;
	buf[6] = (uint8_t)(tag >> 8);
	memcpy(buf + P9_HDR_SIZE, body, n);
	return len;
}

UK_TESTCASE(9pfs, reply_header_checks)
{
	static const uint8_t enoent[4] = { 2, 0, 0, 0 };
	static const uint8_t zero[4] = { 0 };
	uint8_t buf[64];
	struct p9_msg m;
	size_t n;

	n = reply(buf, P9_TCLUNK + 1, 7, NULL, 0);
	UK_TEST_EXPECT_INT_EQ(p9_reply_begin(&m, buf, n, P9_TCLUNK, 7), 0);
	UK_TEST_EXPECT_INT_EQ(p9_rempty(&m), 0);
	/* another tag, another type, a size beyond what arrived: EIO */
	UK_TEST_EXPECT_INT_EQ(p9_reply_begin(&m, buf, n, P9_TCLUNK, 8), -EIO);
	UK_TEST_EXPECT_INT_EQ(p9_reply_begin(&m, buf, n, P9_TREAD, 7), -EIO);
	UK_TEST_EXPECT_INT_EQ(p9_reply_begin(&m, buf, n - 1, P9_TCLUNK, 7),
			      -EIO);
	UK_TEST_EXPECT_INT_EQ(p9_reply_begin(&m, buf, 3, P9_TCLUNK, 7), -EIO);
	/* Rlerror: its errno, if in range */
	n = reply(buf, P9_RLERROR, 7, enoent, 4);
	UK_TEST_EXPECT_INT_EQ(p9_reply_begin(&m, buf, n, P9_TWALK, 7),
			      -ENOENT);
	n = reply(buf, P9_RLERROR, 7, zero, 4);
	UK_TEST_EXPECT_INT_EQ(p9_reply_begin(&m, buf, n, P9_TWALK, 7), -EIO);
	/* bytes left over after the fields: EIO */
	n = reply(buf, P9_TCLUNK + 1, 7, "x", 1);
	UK_TEST_EXPECT_INT_EQ(p9_reply_begin(&m, buf, n, P9_TCLUNK, 7), 0);
	UK_TEST_EXPECT_INT_EQ(p9_rempty(&m), -EIO);
}

UK_TESTCASE(9pfs, reply_counts_against_request)
{
	static const uint8_t data[] = { 5, 0, 0, 0, 'h', 'e', 'l', 'l', 'o' };
	static const uint8_t lies[] = { 9, 0, 0, 0, 'h', 'e', 'l', 'l', 'o' };
	static const uint8_t wrote[] = { 11, 0, 0, 0 };
	const uint8_t *d;
	uint8_t buf[64];
	struct p9_msg m;
	uint32_t count;
	size_t n;

	n = reply(buf, P9_TREAD + 1, 1, data, sizeof(data));
	p9_reply_begin(&m, buf, n, P9_TREAD, 1);
	UK_TEST_EXPECT_INT_EQ(p9_rdata(&m, 5, &d, &count), 0);
	UK_TEST_EXPECT_INT_EQ(count, 5);
	/* more than asked */
	p9_reply_begin(&m, buf, n, P9_TREAD, 1);
	UK_TEST_EXPECT_INT_EQ(p9_rdata(&m, 4, &d, &count), -EIO);
	/* a count beyond the message */
	n = reply(buf, P9_TREAD + 1, 1, lies, sizeof(lies));
	p9_reply_begin(&m, buf, n, P9_TREAD, 1);
	UK_TEST_EXPECT_INT_EQ(p9_rdata(&m, 100, &d, &count), -EIO);
	/* Rwrite claiming more than was sent */
	n = reply(buf, P9_TWRITE + 1, 1, wrote, sizeof(wrote));
	p9_reply_begin(&m, buf, n, P9_TWRITE, 1);
	UK_TEST_EXPECT_INT_EQ(p9_rwrite(&m, 10, &count), -EIO);
}

UK_TESTCASE(9pfs, rread_split)
{
	static const uint8_t enoent[4] = { 2, 0, 0, 0 };
	uint8_t hdr[P9_RREAD_HDR] = { 0 };
	uint8_t five[4] = { 5, 0, 0, 0 };
	uint32_t count;

	/* header + count in hdr, 5 data bytes elsewhere: 16 written */
	reply(hdr, P9_TREAD + 1, 3, five, 4);
	hdr[0] = P9_RREAD_HDR + 5;
	UK_TEST_EXPECT_INT_EQ(p9_rread_split(hdr, sizeof(hdr), 16, 3, 5,
					     &count), 0);
	UK_TEST_EXPECT_INT_EQ(count, 5);
	/* more than asked, fewer bytes than the size, another tag */
	UK_TEST_EXPECT_INT_EQ(p9_rread_split(hdr, sizeof(hdr), 16, 3, 4,
					     &count), -EIO);
	UK_TEST_EXPECT_INT_EQ(p9_rread_split(hdr, sizeof(hdr), 15, 3, 5,
					     &count), -EIO);
	UK_TEST_EXPECT_INT_EQ(p9_rread_split(hdr, sizeof(hdr), 16, 4, 5,
					     &count), -EIO);
	/* count and size disagree */
	hdr[0] = P9_RREAD_HDR + 4;
	UK_TEST_EXPECT_INT_EQ(p9_rread_split(hdr, sizeof(hdr), 16, 3, 5,
					     &count), -EIO);
	/* an Rlerror lands whole in the header part */
	reply(hdr, P9_RLERROR, 3, enoent, 4);
	UK_TEST_EXPECT_INT_EQ(p9_rread_split(hdr, sizeof(hdr), 11, 3, 5,
					     &count), -ENOENT);
}

UK_TESTCASE(9pfs, dirent_names_checked)
{
	/* qid, offset, type, name "a/b" */
	static const uint8_t ent[] = { 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,
				       9, 0, 0, 0, 0, 0, 0, 0, 8,
				       3, 0, 'a', '/', 'b' };
	struct p9_dirent d;
	uint32_t pos = 0;

	UK_TEST_EXPECT_INT_EQ(p9_dirent_next(ent, sizeof(ent), &pos, &d),
			      -EIO);
	/* cut short: EIO, never a read past the data */
	pos = 0;
	UK_TEST_EXPECT_INT_EQ(p9_dirent_next(ent, 20, &pos, &d), -EIO);
}

UK_TESTCASE(9pfs, registry)
{
	static struct uk_9pdev dev = { .tag = "uktest9p-reg" };
	struct uk_9pdev *d;
	int busy;

	UK_TEST_EXPECT_NULL(uk_9pdev_claim("no-such-tag", &busy));
	UK_TEST_EXPECT_INT_EQ(busy, 0);
	UK_TEST_EXPECT_INT_EQ(uk_9pdev_register(&dev), 0);
	UK_TEST_EXPECT_INT_EQ(uk_9pdev_register(&dev), -EEXIST);
	d = uk_9pdev_claim("uktest9p-reg", &busy);
	UK_TEST_EXPECT_PTR_EQ(d, &dev);
	/* one mount per device */
	UK_TEST_EXPECT_NULL(uk_9pdev_claim("uktest9p-reg", &busy));
	UK_TEST_EXPECT_INT_EQ(busy, 1);
	uk_9pdev_release(&dev);
}

/*
 * A scripted server: it answers version and attach properly, walks with
 * ENOENT, clunks with success, and getattr the way @fake_mode says.
 */
enum { FAKE_GOOD, FAKE_SHORT, FAKE_BADTAG, FAKE_OVERSIZE, FAKE_DEAD };
static int fake_mode;

static int fake_request(struct uk_9pdev *dev __unused,
			const struct iovec *out, unsigned int nout __unused,
			const struct iovec *in, unsigned int nin __unused)
{
	const uint8_t *r = out[0].iov_base;
	uint8_t body[160] = { 0 }, *rep = in[0].iov_base;
	uint16_t tag = (uint16_t)(r[5] | r[6] << 8);
	size_t n;

	if (fake_mode == FAKE_DEAD)
		return -EIO;
	/* Metadata only: one segment each way, the reply fits. */
	if (in[0].iov_len < sizeof(body) + P9_HDR_SIZE)
		return -EIO;
	switch (r[4]) {
	case P9_TVERSION:
		memcpy(body, r + 7, 4);	/* the msize asked */
		memcpy(body + 4, "\x08\x00" "9P2000.L", 10);
		return (int)reply(rep, P9_TVERSION + 1, tag, body, 14);
	case P9_TATTACH:
		body[0] = P9_QTDIR;
		return (int)reply(rep, P9_TATTACH + 1, tag, body, 13);
	case P9_TWALK:
		body[0] = ENOENT;
		return (int)reply(rep, P9_RLERROR, tag, body, 4);
	case P9_TCLUNK:
		return (int)reply(rep, P9_TCLUNK + 1, tag, NULL, 0);
	case P9_TGETATTR:
		/*
		 * valid, qid (a directory), mode 040755, nlink 2 (vfscore
		 * takes a directory with no links for a removed one)
		 */
		body[0] = 0xff;
		body[8] = P9_QTDIR;
		body[21] = 0xed;
		body[22] = 0x41;
		body[33] = 2;
		n = 8 + 13 + 12 + 5 * 8 + 10 * 8;
		if (fake_mode == FAKE_SHORT)
			n -= 8;
		if (fake_mode == FAKE_BADTAG)
			tag++;
		n = reply(rep, P9_TGETATTR + 1, tag, body, n);
		if (fake_mode == FAKE_OVERSIZE)
			rep[0] += 4;
		return (int)n;
	}
	body[0] = EOPNOTSUPP;
	return (int)reply(rep, P9_RLERROR, tag, body, 4);
}

static const struct uk_9pdev_ops fake_ops = { .request = fake_request };

UK_TESTCASE(9pfs, bad_replies_fail_one_call)
{
	static struct uk_9pdev dev = {
		.ops = &fake_ops,
		.tag = "uktest9p-fake",
		.max_msize = 8192,
	};
	struct stat st;

	fake_mode = FAKE_GOOD;
	uk_9pdev_register(&dev);
	UK_TEST_EXPECT_INT_EQ(uk_vfs_mount("no-such-tag", "/uktest9p", "9pfs",
					   0, ""), -ENODEV);
	UK_TEST_EXPECT_INT_EQ(uk_vfs_mount("uktest9p-fake", "/uktest9p",
					   "9pfs", 0, "bogus=1"), -EINVAL);
	UK_TEST_ASSERT(uk_vfs_mount("uktest9p-fake", "/uktest9p", "9pfs", 0,
				    "msize=8192") == 0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_newfstatat(AT_FDCWD, "/uktest9p", &st, 0),
			      0);
	UK_TEST_EXPECT(S_ISDIR(st.st_mode));
	/* before: a good server; after each bad reply: EIO, then fine */
	fake_mode = FAKE_SHORT;
	UK_TEST_EXPECT_INT_EQ(uk_sys_newfstatat(AT_FDCWD, "/uktest9p", &st, 0),
			      -EIO);
	fake_mode = FAKE_BADTAG;
	UK_TEST_EXPECT_INT_EQ(uk_sys_newfstatat(AT_FDCWD, "/uktest9p", &st, 0),
			      -EIO);
	fake_mode = FAKE_OVERSIZE;
	UK_TEST_EXPECT_INT_EQ(uk_sys_newfstatat(AT_FDCWD, "/uktest9p", &st, 0),
			      -EIO);
	fake_mode = FAKE_DEAD;
	UK_TEST_EXPECT_INT_EQ(uk_sys_newfstatat(AT_FDCWD, "/uktest9p", &st, 0),
			      -EIO);
	fake_mode = FAKE_GOOD;
	UK_TEST_EXPECT_INT_EQ(uk_sys_newfstatat(AT_FDCWD, "/uktest9p", &st, 0),
			      0);
	UK_TEST_EXPECT_INT_EQ(uk_sys_newfstatat(AT_FDCWD, "/uktest9p/x", &st,
						0), -ENOENT);
	UK_TEST_EXPECT_INT_EQ(uk_sys_mkdirat(AT_FDCWD, "/uktest9p/d", 0755),
			      -EOPNOTSUPP);
	UK_TEST_EXPECT_INT_EQ(uk_vfs_unmount("/uktest9p"), 0);
}
