#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Corrupt one byte of the page-table zeroing loop in plat/kvm/paging.c's
table() in a copy of a kvm image, as a bit flip in memory or on disk
would: the loop's step (the "add $8" after the store) or its backward
branch (made unconditional: the loop never ends). The loop is found by
disassembling the image's .dbg file.

Usage: corrupt_table.py IMAGE.dbg IMAGE OUT step|branch
"""
import re
import subprocess
import sys


def instructions(dbg, name):
    dis = subprocess.run(["objdump", "-d", dbg], capture_output=True,
                         text=True, check=True).stdout
    m = re.search(r"^[0-9a-f]+ <%s>:\n(.*?)\n\n" % name, dis, re.S | re.M)
    if not m:
        sys.exit("corrupt_table: no function %s in %s" % (name, dbg))
    for line in m.group(1).splitlines():
        f = re.match(r"\s*([0-9a-f]+):\t((?:[0-9a-f]{2} )+)\s*\t?(.*)", line)
        if f:
            yield int(f.group(1), 16), f.group(2).split(), f.group(3)


def file_offset(img, addr):
    out = subprocess.run(["readelf", "-lW", img], capture_output=True,
                         text=True, check=True).stdout
    for line in out.splitlines():
        f = line.split()
        if f and f[0] == "LOAD":
            off, va, size = int(f[1], 16), int(f[2], 16), int(f[4], 16)
            if va <= addr < va + size:
                return addr - va + off
    sys.exit("corrupt_table: %#x is not in a loaded segment" % addr)


def main():
    dbg, img, out, mode = sys.argv[1:5]
    ins = list(instructions(dbg, "table"))
    # The store of zero, then the step, the compare and the branch.
    for i, (_, _, text) in enumerate(ins):
        if text.startswith("movq") and "$0x0,(" in text:
            break
    else:
        sys.exit("corrupt_table: no zeroing loop in table()")
    step, branch = ins[i + 1], ins[i + 3]
    if mode == "step":
        addr, value = step[0] + len(step[1]) - 1, 0x09
    elif mode == "branch" and branch[2].startswith("j"):
        addr, value = branch[0], 0xeb
    else:
        sys.exit("corrupt_table: mode %s: expected step or branch" % mode)
    data = bytearray(open(img, "rb").read())
    data[file_offset(img, addr)] = value
    with open(out, "wb") as f:
        f.write(data)
    print("corrupt_table: byte at %#x set to %#x (%s)" % (addr, value, mode))


if __name__ == "__main__":
    main()
