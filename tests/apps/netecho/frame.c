/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ethernet, ARP (RFC 826) and IPv4/ICMP echo (RFC 791, 792) for netecho,
 * on raw bytes. Each header is checked against the bytes actually
 * received before any field is used: a malformed frame is reported as
 * such and never read past its end. Replies are built in place.
 */
#include <string.h>
#include "netecho.h"

#define ETH_HLEN	14
#define ETH_ZLEN	60	/* shortest frame on the wire, without FCS */
#define ETH_P_IP	0x0800
#define ETH_P_ARP	0x0806
#define ARP_LEN		28
#define ARP_REQUEST	1
#define ARP_REPLY	2
#define IP_MIN_HLEN	20
#define IP_PROTO_ICMP	1
#define ICMP_HLEN	8
#define ICMP_ECHO_REPLY	0
#define ICMP_ECHO	8
#define REPLY_TTL	64

static inline uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

uint16_t netecho_csum(const uint8_t *p, size_t len)
{
	uint32_t sum = 0;

	for (; len > 1; p += 2, len -= 2)
		sum += get16(p);
	if (len)
		sum += (uint32_t)p[0] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

static int is_broadcast(const uint8_t *mac)
{
	static const uint8_t bc[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

	return !memcmp(mac, bc, 6);
}

static enum netecho_verdict arp(struct netecho *ne, uint8_t *eth,
				size_t len, size_t cap, size_t *reply_len)
{
	uint8_t *a = eth + ETH_HLEN;
	uint16_t op;

	if (len < ETH_HLEN + ARP_LEN)
		return NETECHO_MALFORMED;
	/* Ethernet/IPv4 ARP only: other sizes would move every field. */
	if (get16(a) != 1 || get16(a + 2) != ETH_P_IP || a[4] != 6 ||
	    a[5] != 4)
		return NETECHO_MALFORMED;
	op = get16(a + 6);
	if (op != ARP_REQUEST && op != ARP_REPLY)
		return NETECHO_MALFORMED;
	/* a[8..14) sha, a[14..18) spa, a[18..24) tha, a[24..28) tpa */
	if (op != ARP_REQUEST || !ne->opt.have_ip ||
	    memcmp(a + 24, ne->opt.ip, 4) || (a[8] & 1))
		return NETECHO_IGNORE;

	put16(a + 6, ARP_REPLY);
	memcpy(a + 18, a + 8, 10);	/* tha, tpa = the asker's sha, spa */
	memcpy(a + 8, ne->mac, 6);
	memcpy(a + 14, ne->opt.ip, 4);
	memcpy(eth, a + 18, 6);
	memcpy(eth + 6, ne->mac, 6);
	*reply_len = ETH_HLEN + ARP_LEN;
	if (cap >= ETH_ZLEN) {
		memset(eth + *reply_len, 0, ETH_ZLEN - *reply_len);
		*reply_len = ETH_ZLEN;
	}
	ne->c.arp++;
	return NETECHO_REPLY;
}

static enum netecho_verdict ipv4(struct netecho *ne, uint8_t *eth,
				 size_t len, size_t *reply_len)
{
	uint8_t *ip = eth + ETH_HLEN, *icmp, tmp[4];
	size_t avail = len - ETH_HLEN, hlen, tot;

	if (avail < IP_MIN_HLEN || ip[0] >> 4 != 4)
		return NETECHO_MALFORMED;
	hlen = (size_t)(ip[0] & 0xf) * 4;
	if (hlen < IP_MIN_HLEN || hlen > avail)
		return NETECHO_MALFORMED;
	/* Ethernet may pad a short packet: the frame can be longer. */
	tot = get16(ip + 2);
	if (tot < hlen || tot > avail)
		return NETECHO_MALFORMED;
	if (netecho_csum(ip, hlen) != 0xffff)
		return NETECHO_MALFORMED;
	/* Fragments are never reassembled here. */
	if (get16(ip + 6) & 0x3fff)
		return NETECHO_IGNORE;
	if (!ne->opt.have_ip || memcmp(ip + 16, ne->opt.ip, 4) ||
	    ip[9] != IP_PROTO_ICMP)
		return NETECHO_IGNORE;

	icmp = ip + hlen;
	if (tot - hlen < ICMP_HLEN ||
	    netecho_csum(icmp, tot - hlen) != 0xffff)
		return NETECHO_MALFORMED;
	/* Never answer a broadcast or multicast source. */
	if (icmp[0] != ICMP_ECHO || icmp[1] != 0 || ip[12] >= 224 ||
	    (eth[6] & 1))
		return NETECHO_IGNORE;

	icmp[0] = ICMP_ECHO_REPLY;
	put16(icmp + 2, 0);
	put16(icmp + 2, (uint16_t)~netecho_csum(icmp, tot - hlen));
	memcpy(tmp, ip + 12, 4);
	memcpy(ip + 12, ip + 16, 4);
	memcpy(ip + 16, tmp, 4);
	ip[8] = REPLY_TTL;
	put16(ip + 10, 0);
	put16(ip + 10, (uint16_t)~netecho_csum(ip, hlen));
	memcpy(eth, eth + 6, 6);
	memcpy(eth + 6, ne->mac, 6);
	*reply_len = ETH_HLEN + tot;
	ne->c.icmp++;
	return NETECHO_REPLY;
}

enum netecho_verdict netecho_frame(struct netecho *ne, uint8_t *frame,
				   size_t len, size_t cap,
				   size_t *reply_len)
{
	if (len < ETH_HLEN || cap < len)
		return NETECHO_MALFORMED;
	if (memcmp(frame, ne->mac, 6) && !is_broadcast(frame))
		return NETECHO_IGNORE;
	switch (get16(frame + 12)) {
	case ETH_P_ARP:
		return arp(ne, frame, len, cap, reply_len);
	case ETH_P_IP:
		return ipv4(ne, frame, len, reply_len);
	default:
		return NETECHO_IGNORE;
	}
}
