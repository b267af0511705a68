#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Send malformed Ethernet frames to a guest through a host interface.

Usage: badframes.py IFACE GUEST_MAC GUEST_IP
Run inside the test's network namespace (AF_PACKET needs CAP_NET_RAW).
Prints one line per frame: "sent NAME LEN" or "refused NAME ERRNO" (the
host kernel itself refuses some shapes), and the number each counter of
netecho should grow by: "expect malformed=N rx_errors=N".
"""

import socket
import struct
import sys


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4(src, dst, payload, proto=1, ver_ihl=0x45, totlen=None,
         bad_csum=False, options=b""):
    hdr = struct.pack("!BBHHHBBH4s4s", ver_ihl, 0,
                      totlen if totlen is not None
                      else 20 + len(options) + len(payload),
                      0x1234, 0, 64, proto, 0, src, dst) + options
    c = csum(hdr)
    if bad_csum:
        c ^= 0x5A5A
    return hdr[:10] + struct.pack("!H", c) + hdr[12:] + payload


def icmp_echo(data=b"kiln" * 8, bad_csum=False):
    h = struct.pack("!BBHHH", 8, 0, 0, 0x4B4E, 1) + data
    c = csum(h)
    if bad_csum:
        c ^= 0x0101
    return h[:2] + struct.pack("!H", c) + h[4:]


def arp(hmac, hip, gip, htype=1, ptype=0x0800, hlen=6, plen=4, op=1):
    return struct.pack("!HHBBH", htype, ptype, hlen, plen, op) + \
        hmac + hip + b"\0" * 6 + gip


def main():
    if len(sys.argv) != 4:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        sys.exit(2)
    iface, gmac, gip = sys.argv[1:]
    gmac = bytes.fromhex(gmac.replace(":", ""))
    gip = socket.inet_aton(gip)
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((iface, 0))
    hmac = s.getsockname()[4][:6]
    hip = bytes(gip[:3]) + bytes([1])

    def eth(etype, payload):
        return gmac + hmac + struct.pack("!H", etype) + payload

    good_ip = ipv4(hip, gip, icmp_echo())
    # name, frame, counter it must grow in the guest
    frames = [
        ("eth_header_only", eth(0x0800, b""), "malformed"),
        ("ip_truncated", eth(0x0800, good_ip[:10]), "malformed"),
        ("ip_bad_checksum", eth(0x0800, ipv4(hip, gip, icmp_echo(),
                                             bad_csum=True)), "malformed"),
        ("ip_ihl_4", eth(0x0800, ipv4(hip, gip, icmp_echo(),
                                      ver_ihl=0x44)), "malformed"),
        ("ip_version_6", eth(0x0800, ipv4(hip, gip, icmp_echo(),
                                          ver_ihl=0x65)), "malformed"),
        ("ip_totlen_beyond_frame",
         eth(0x0800, ipv4(hip, gip, icmp_echo(), totlen=1000)), "malformed"),
        ("ip_totlen_below_header",
         eth(0x0800, ipv4(hip, gip, icmp_echo(), totlen=12)), "malformed"),
        ("ip_ihl_beyond_frame",
         eth(0x0800, ipv4(hip, gip, b"", ver_ihl=0x4F, totlen=60)[:34]),
         "malformed"),
        ("icmp_truncated", eth(0x0800, ipv4(hip, gip, icmp_echo()[:4])),
         "malformed"),
        ("icmp_bad_checksum",
         eth(0x0800, ipv4(hip, gip, icmp_echo(bad_csum=True))), "malformed"),
        ("arp_hlen_5", eth(0x0806, arp(hmac, hip, gip, hlen=5)), "malformed"),
        ("arp_ptype_ipv6", eth(0x0806, arp(hmac, hip, gip, ptype=0x86DD)),
         "malformed"),
        ("arp_truncated", eth(0x0806, arp(hmac, hip, gip)[:20]), "malformed"),
        ("arp_bad_op", eth(0x0806, arp(hmac, hip, gip, op=9)), "malformed"),
        # Longer than any buffer of a 1500-MTU device: the driver drops it.
        ("oversized_2000", eth(0x0800, ipv4(hip, gip, icmp_echo(b"x" * 1958))),
         "rx_errors"),
    ]
    grow = {"malformed": 0, "rx_errors": 0}
    for name, frame, counter in frames:
        try:
            s.send(frame)
        except OSError as e:
            print(f"refused {name} {e.errno}")
            continue
        print(f"sent {name} {len(frame)}")
        grow[counter] += 1
    print(f"expect malformed={grow['malformed']} rx_errors={grow['rx_errors']}")


if __name__ == "__main__":
    main()
