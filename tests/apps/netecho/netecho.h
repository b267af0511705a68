/* SPDX-License-Identifier: BSD-3-Clause */
/* netecho's shared state: its options, its address and its counters. */
#ifndef NETECHO_H
#define NETECHO_H

#include <uk/netdev.h>

/* Sink mode counts the frames of this EtherType (IEEE local
 * experimental), which the bench's sender (support/bench/tools/pktsend)
 * uses; other frames are handled as usual. */
#define NETECHO_SINK_ETHERTYPE	0x88b5

/* Exit status for a bad command line or a missing device. */
#define NETECHO_EXIT_USAGE	2

struct netecho_opts {
	uint8_t ip[4];		/* ip=A.B.C.D (required unless sink) */
	int have_ip;
	unsigned long count;	/* count=N: exit after N echo replies */
	int poll;		/* mode=poll (default mode=intr) */
	unsigned long sink;	/* sink=N: count N bench frames, then exit */
	unsigned long idle_ms;	/* idle=MS: sink ends after MS without frames */
	unsigned long timeout_s; /* timeout=S: give up after S seconds */
};

struct netecho_counters {
	uint64_t frames_in, frames_out;
	uint64_t arp, icmp;	/* replies sent */
	uint64_t malformed;	/* dropped: a header failed a check */
	uint64_t ignored;	/* well-formed but not for us */
	uint64_t tx_fail;	/* replies the device did not take */
	uint64_t irq_events;	/* rx interrupt callbacks */
};

struct netecho {
	struct netecho_opts opt;
	uint8_t mac[6];
	struct netecho_counters c;
};

/*
 * Parse the application arguments into @o; on a bad argument print why
 * and return -1.
 */
int netecho_parse_args(int argc, char *argv[], struct netecho_opts *o);

/* Verdicts of netecho_frame(). */
enum netecho_verdict {
	NETECHO_REPLY,		/* the buffer now holds the reply */
	NETECHO_IGNORE,
	NETECHO_MALFORMED,
};

/*
 * Look at one received Ethernet frame (@frame, @len bytes, writable,
 * @cap bytes of room from @frame). For an ARP request or ICMP echo
 * request to us, rewrite it in place into the reply and set *@reply_len.
 * Every header is checked before use; the frame is untrusted.
 */
enum netecho_verdict netecho_frame(struct netecho *ne, uint8_t *frame,
				   size_t len, size_t cap,
				   size_t *reply_len);

/* The Internet checksum of @len bytes (RFC 1071), folded, not inverted. */
uint16_t netecho_csum(const uint8_t *p, size_t len);

#endif /* NETECHO_H */
