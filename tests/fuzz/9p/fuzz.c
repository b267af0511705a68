/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fuzz the 9P2000.L reply decoder of lib/9pfs (p9msg.c): what a 9P
 * server (the host, untrusted) sends back to the guest.
 *
 * An input is a small frame then the reply bytes:
 *   [0]    which request the reply answers (an index into reqs[])
 *   [1..2] the tag the request carried (little-endian)
 *   [3..6] the count the request asked for (Tread/Treaddir/Twrite) or
 *          the names it walked (Twalk, taken modulo 17)
 *   [7..]  the reply, as the transport returned it
 * The reply is copied into a buffer of its exact length, so that any
 * read past it is an AddressSanitizer report.
 *
 * Beyond "no crash, no undefined behaviour", each input checks the
 * contracts of p9msg.h: a reply whose size field exceeds the bytes
 * received, is below the header or carries another tag is refused; an
 * Rlerror gives an errno in 1..4095; a decoded reply's strings and data
 * lie inside the message, its counts within what was asked, its walk
 * within the names sent, its times valid; readdir entries stay inside
 * the data and have names without '/' or NUL. Replies to Tread also go
 * through the split decoder of reads straight into the caller's buffer.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "p9msg.h"

#define CHECK(c)                                                             \
	do {                                                                 \
		if (!(c))                                                    \
			abort();                                             \
	} while (0)

static const uint8_t reqs[] = {
	P9_TVERSION, P9_TATTACH, P9_TWALK,    P9_TLOPEN,    P9_TLCREATE,
	P9_TMKDIR,   P9_TSYMLINK, P9_TGETATTR, P9_TSTATFS,  P9_TREAD,
	P9_TREADDIR, P9_TWRITE,  P9_TREADLINK, P9_TCLUNK,   P9_TSETATTR,
	P9_TFSYNC,   P9_TLINK,   P9_TRENAMEAT, P9_TUNLINKAT,
};

static const uint8_t *lo, *hi;	/* the message as received */

static void inside(const void *p, size_t n)
{
	const uint8_t *b = p;

	CHECK(b >= lo && b <= hi && n <= (size_t)(hi - b));
}

static uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static void check_dirents(const uint8_t *data, uint32_t count)
{
	struct p9_dirent d;
	uint32_t pos = 0, last = 0;
	int rc;

	while ((rc = p9_dirent_next(data, count, &pos, &d)) == 1) {
		CHECK(pos > last && pos <= count);
		inside(d.name, d.namelen);
		CHECK(d.namelen > 0);
		CHECK(!memchr(d.name, '/', d.namelen));
		CHECK(!memchr(d.name, '\0', d.namelen));
		last = pos;
	}
	CHECK(rc == 0 || rc == -EIO);
}

static void decode(struct p9_msg *m, uint8_t treq, uint32_t asked)
{
	struct p9_qid qids[P9_MAXWELEM];
	struct p9_statfs sf;
	struct p9_attr a;
	const uint8_t *data;
	const char *s;
	unsigned int nw, nwname = asked % (P9_MAXWELEM + 1);
	uint32_t u, count;
	uint16_t len;
	int rc;

	switch (treq) {
	case P9_TVERSION:
		rc = p9_rversion(m, &u, &s, &len);
		if (rc == 0)
			inside(s, len);
		break;
	case P9_TATTACH:
	case P9_TMKDIR:
	case P9_TSYMLINK:
		rc = p9_rqid(m, &qids[0]);
		break;
	case P9_TWALK:
		rc = p9_rwalk(m, nwname, qids, &nw);
		if (rc == 0)
			CHECK(nw <= nwname && (nw > 0 || nwname == 0));
		break;
	case P9_TLOPEN:
	case P9_TLCREATE:
		rc = p9_ropen(m, &qids[0], &u);
		break;
	case P9_TGETATTR:
		rc = p9_rgetattr(m, &a);
		if (rc == 0)
			CHECK(a.atime_nsec < 1000000000 &&
			      a.mtime_nsec < 1000000000 &&
			      a.ctime_nsec < 1000000000);
		break;
	case P9_TSTATFS:
		rc = p9_rstatfs(m, &sf);
		break;
	case P9_TREAD:
	case P9_TREADDIR:
		rc = p9_rdata(m, asked, &data, &count);
		if (rc == 0) {
			CHECK(count <= asked);
			inside(data, count);
			if (treq == P9_TREADDIR)
				check_dirents(data, count);
		}
		break;
	case P9_TWRITE:
		rc = p9_rwrite(m, asked, &count);
		if (rc == 0)
			CHECK(count <= asked);
		break;
	case P9_TREADLINK:
		rc = p9_rreadlink(m, &s, &len);
		if (rc == 0) {
			inside(s, len);
			CHECK(len > 0 && !memchr(s, '\0', len));
		}
		break;
	default:
		rc = p9_rempty(m);
		break;
	}
	CHECK(rc == 0 || rc == -EIO);
	/* A decoded reply was read to its last byte, no further. */
	if (rc == 0)
		CHECK(m->pos == m->cap && !m->err);
}

/*
 * A read straight into the caller's buffer: the transport wrote @len
 * bytes, the first P9_RREAD_HDR of which land in a header buffer.
 */
static void check_split(const uint8_t *buf, size_t len, uint16_t tag,
			uint32_t asked)
{
	uint8_t *hdr = malloc(P9_RREAD_HDR);
	uint32_t count;
	int rc;

	CHECK(hdr);
	memset(hdr, 0xee, P9_RREAD_HDR);
	memcpy(hdr, buf, len < P9_RREAD_HDR ? len : P9_RREAD_HDR);
	rc = p9_rread_split(hdr, P9_RREAD_HDR, len, tag, asked, &count);
	CHECK(rc <= 0 && rc >= -4095);
	if (rc == 0)
		CHECK(count <= asked && len >= P9_RREAD_HDR &&
		      count <= len - P9_RREAD_HDR && hdr[4] == P9_TREAD + 1);
	else
		CHECK(count == 0);
	free(hdr);
}

int LLVMFuzzerTestOneInput(const uint8_t *in, size_t n)
{
	struct p9_msg m;
	uint8_t treq, *buf;
	uint16_t tag;
	uint32_t asked, size;
	size_t len;
	int rc;

	if (n < 7)
		return 0;
	treq = reqs[in[0] % sizeof(reqs)];
	tag = (uint16_t)(in[1] | in[2] << 8);
	asked = le32(in + 3);
	len = n - 7;
	/* An exact-size copy: a read past the reply is caught. */
	buf = malloc(len ? len : 1);
	CHECK(buf);
	memcpy(buf, in + 7, len);
	lo = buf;
	hi = buf + len;

	rc = p9_reply_begin(&m, buf, len, treq, tag);
	if (len >= P9_HDR_SIZE) {
		size = le32(buf);
		/* The header checks of the contract. */
		if (size > len || size < P9_HDR_SIZE ||
		    (uint16_t)(buf[5] | buf[6] << 8) != tag)
			CHECK(rc == -EIO);
		if (rc == 0)
			CHECK(buf[4] == treq + 1 && m.cap == size);
		if (rc < 0 && rc != -EIO)
			CHECK(buf[4] == P9_RLERROR && size == 11 &&
			      (uint32_t)-rc == le32(buf + 7));
	} else {
		CHECK(rc == -EIO);
	}
	CHECK(rc <= 0 && rc >= -4095);
	if (rc == 0)
		decode(&m, treq, asked);
	if (treq == P9_TREAD)
		check_split(buf, len, tag, asked);
	free(buf);
	return 0;
}
