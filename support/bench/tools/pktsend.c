// SPDX-License-Identifier: BSD-3-Clause
/*
 * pktsend IFACE DSTMAC COUNT [FRAME_LEN]: send COUNT Ethernet frames of
 * FRAME_LEN bytes (default 60, the shortest frame) to DSTMAC through
 * IFACE as fast as one thread can, with an AF_PACKET socket that
 * bypasses the queueing discipline. A host-side load generator for the
 * network bench (support/bench/kbench/net.py); built with the host gcc.
 *
 * Frames carry EtherType 0x88b5 (IEEE local experimental) and a sequence
 * number, so no host or guest stack mistakes them for traffic.
 * Prints: pktsend: sent=N retries=N ns=T pps=R
 * A device that cannot take a frame now (ENOBUFS/EAGAIN) is retried; a
 * tap whose reader is slow drops frames itself (its tx_dropped counter),
 * which is the point: the guest's receive rate is what is measured.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define ETHERTYPE_LOCAL 0x88b5

static void usage(void)
{
	fprintf(stderr, "usage: pktsend IFACE DSTMAC COUNT [FRAME_LEN]\n");
	exit(2);
}

static int parse_mac(const char *s, unsigned char mac[6])
{
	unsigned int b[6];
	char end;
	int i;

	if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2],
		   &b[3], &b[4], &b[5], &end) != 6)
		return -1;
	for (i = 0; i < 6; i++)
		mac[i] = (unsigned char)b[i];
	return 0;
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

int main(int argc, char *argv[])
{
	unsigned char frame[ETH_FRAME_LEN], dst[6];
	unsigned long long count, sent = 0, retries = 0;
	struct sockaddr_ll sll = { 0 };
	struct ifreq ifr = { 0 };
	unsigned long len = 60;
	uint64_t t0, t1;
	char *end;
	int fd, one = 1;

	if (argc < 4 || argc > 5)
		usage();
	if (strlen(argv[1]) >= IFNAMSIZ || parse_mac(argv[2], dst) < 0)
		usage();
	count = strtoull(argv[3], &end, 10);
	if (*end || !count)
		usage();
	if (argc == 5) {
		len = strtoul(argv[4], &end, 10);
		if (*end || len < ETH_ZLEN || len > ETH_FRAME_LEN)
			usage();
	}

	fd = socket(AF_PACKET, SOCK_RAW, 0);
	if (fd < 0) {
		perror("pktsend: socket(AF_PACKET)");
		return 1;
	}
	strcpy(ifr.ifr_name, argv[1]);
	if (ioctl(fd, SIOCGIFHWADDR, &ifr) < 0) {
		fprintf(stderr, "pktsend: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	sll.sll_family = AF_PACKET;
	sll.sll_ifindex = (int)if_nametoindex(argv[1]);
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
		perror("pktsend: bind");
		return 1;
	}
	/* Straight to the driver: the qdisc would only add its own cost. */
	setsockopt(fd, SOL_PACKET, PACKET_QDISC_BYPASS, &one, sizeof(one));

	memset(frame, 0, sizeof(frame));
	memcpy(frame, dst, 6);
	memcpy(frame + 6, ifr.ifr_hwaddr.sa_data, 6);
	frame[12] = ETHERTYPE_LOCAL >> 8;
	frame[13] = ETHERTYPE_LOCAL & 0xff;

	t0 = now_ns();
	while (sent < count) {
		memcpy(frame + 14, &sent, sizeof(sent));
		if (send(fd, frame, len, 0) < 0) {
			if (errno == ENOBUFS || errno == EAGAIN ||
			    errno == EINTR) {
				retries++;
				continue;
			}
			perror("pktsend: send");
			return 1;
		}
		sent++;
	}
	t1 = now_ns();
	printf("pktsend: sent=%llu retries=%llu ns=%llu pps=%llu\n", sent,
	       retries, (unsigned long long)(t1 - t0),
	       (unsigned long long)(sent * 1000000000ULL /
				    (t1 - t0 ? t1 - t0 : 1)));
	return 0;
}
