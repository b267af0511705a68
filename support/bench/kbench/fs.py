# SPDX-License-Identifier: BSD-3-Clause
"""File-system throughput and metadata rate: tests/apps/fstest's bench
mode (tests/apps/fstest/bench.c) on Kiln's ramfs and the same code, built
for Linux, on tmpfs in the Linux reference guest, N runs each, one run of
each system after the other.

What is measured, in each run REPS times: a new file of MIB MiB written
sequentially in 4 KiB write() calls (open to close), read back in 4 KiB
read() calls, then the same with 1 MiB calls; and NMETA rounds of
open(O_CREAT|O_EXCL) + close + stat + unlink of a new file in one
folder. The guest's CLOCK_MONOTONIC times the calls only. MB = 10^6
bytes. The figure of a system is the median over all its runs and reps.

Systems (same QEMU command line apart from the devices Kiln's launcher
leaves out, see qemu-launch.conf; TCG, -cpu max, MEM MiB):
  kiln-pc     fstest's kvm image on -M pc, ramfs root (support/scripts/run)
  linux-pc    Debian's cloud kernel on -M pc, busybox initramfs, the
              bench on a tmpfs mounted at /mnt (a static glibc build)
and, as a second pair without a VMM:
  kiln-linuxu fstest's linuxu image, ramfs root, a host process
  host        the same static build on the host's /dev/shm (tmpfs)
"""

import os
import re
import subprocess
import tempfile

from . import common, linuxguest, systems

APP = "tests/apps/fstest"
MIB = 32
NMETA = 2000
REPS = 3
MEM = 256
COLUMNS = ["system", "run", "rep", "test", "bytes", "ops", "ns", "load1"]
LINE = re.compile(r"^fsbench: (\w+) rep=(\d+) bytes=(\d+) ops=(\d+) "
                  r"ns=(\d+)", re.M)
TESTS = [("write4k", "Sequential write, 4 KiB calls", "MB/s"),
         ("read4k", "Sequential read, 4 KiB calls", "MB/s"),
         ("write1m", "Sequential write, 1 MiB calls", "MB/s"),
         ("read1m", "Sequential read, 1 MiB calls", "MB/s"),
         ("meta", "create+stat+unlink", "rounds/s")]
PAIRS = [("kiln-pc", "linux-pc"), ("kiln-linuxu", "host")]

INIT = """#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t tmpfs tmpfs /mnt
/bin/busybox mkdir /mnt/b
/fstest-linux bench /mnt/b {mib} {nmeta} {reps}
/bin/busybox poweroff -f
"""


def host_binary(outdir):
    """fstest's bench for Linux: static, so the busybox initramfs runs it."""
    src = os.path.join(common.KILN_ROOT, APP)
    out = os.path.join(outdir, "fstest-linux")
    r = subprocess.run(["gcc", "-O2", "-static", "-o", out,
                        os.path.join(src, "host.c"),
                        os.path.join(src, "replay.c"),
                        os.path.join(src, "bench.c")],
                       capture_output=True, text=True)
    if r.returncode != 0:
        common.die("building fstest for Linux failed: " + r.stderr.strip())
    return out


def parse(out):
    if "fsbench: done" not in out:
        return None
    return [(m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4)),
             int(m.group(5))) for m in LINE.finditer(out)]


def run_system(name, images, hostbin, linux, args, timeout):
    run = os.path.join(common.KILN_ROOT, "support", "scripts", "run")
    if name == "kiln-pc":
        cmd = [run, "--plat", "kvm", "--image", images["kvm"], "--accel",
               "tcg", "--machine", "pc", "--mem", f"{MEM}M", "--",
               "bench", "/b"] + args
    elif name == "kiln-linuxu":
        cmd = [run, "--plat", "linuxu", "--image", images["linuxu"],
               "--mem", f"{MEM}M", "--", "bench", "/b"] + args
    elif name == "linux-pc":
        kernel, initrd = linux
        cmd = systems.qemu_cmd("pc", MEM, kernel, initrd,
                               "console=ttyS0 quiet panic=-1")
    else:
        tmp = tempfile.mkdtemp(dir="/dev/shm" if os.path.isdir("/dev/shm")
                               else None)
        cmd = [hostbin, "bench", tmp] + args
    try:
        r = subprocess.run(cmd, capture_output=True, text=True,
                           timeout=timeout, env=systems.qemu_env(),
                           stdin=subprocess.DEVNULL)
        out = r.stdout + r.stderr
    except subprocess.TimeoutExpired:
        out = ""
    if name == "host":
        subprocess.run(["rm", "-rf", tmp])
    return parse(out), out


def run(outdir, n, timeout=300):
    args = [str(MIB), str(NMETA), str(REPS)]
    images = common.build_kiln(APP, os.path.join(outdir, "images", "fs"),
                               ["linuxu", "kvm"], [],
                               os.path.join(outdir, "build-fs.log"),
                               "fstest")
    hostbin = host_binary(outdir)
    linux = linuxguest.custom_initrd(
        "fsbench", INIT.format(mib=MIB, nmeta=NMETA, reps=REPS),
        {"/fstest-linux": hostbin})
    names = [s for pair in PAIRS for s in pair]
    rows, failed = [], {}
    for i in range(1, n + 1):
        for name in names:
            common.progress(f"fs: {name} run {i}/{n}")
            res, out = run_system(name, images, hostbin, linux, args,
                                  timeout)
            if res is None:
                last = out.strip().splitlines()[-1:] or ["no output"]
                failed[name] = failed.get(name, 0) + 1
                with open(os.path.join(outdir, f"fs-{name}-{i}.log"),
                          "w") as f:
                    f.write(out)
                common.progress_done()
                print(f"fs: {name} run {i} failed: {last[0]}")
                continue
            for test, rep, nbytes, ops, ns in res:
                rows.append({"system": name, "run": i, "rep": rep,
                             "test": test, "bytes": nbytes, "ops": ops,
                             "ns": ns, "load1": common.loadavg()})
    common.progress_done()
    common.write_csv(os.path.join(outdir, "fs.csv"), COLUMNS, rows)

    def median(name, test):
        v = []
        for r in rows:
            if r["system"] == name and r["test"] == test and r["ns"] > 0:
                v.append(r["bytes"] * 1e3 / r["ns"] if r["bytes"]
                         else r["ops"] * 1e9 / r["ns"])
        return common.stats(v)

    table = []
    for test, title, unit in TESTS:
        row = [f"{title} ({unit})"]
        for a, b in PAIRS:
            ma, mb = median(a, test), median(b, test)
            ratio = ma["median"] / mb["median"] if mb["n"] and ma["n"] \
                else float("nan")
            row += [ma["median"], mb["median"], ratio]
        table.append(row)
    header = ["measurement"]
    for a, b in PAIRS:
        header += [a, b, f"{a} / {b}"]
    text = (f"{MIB} MiB files written and read sequentially (MB/s, 10^6 "
            f"bytes) and rounds of create+stat+unlink per second; median "
            f"of {n} runs x {REPS} reps per system. kiln-pc: fstest on "
            f"ramfs, kvm image on QEMU -M pc (TCG, -cpu max, -m {MEM}M); "
            f"linux-pc: Debian's cloud kernel, same QEMU options, the same "
            f"bench code built for Linux on tmpfs. kiln-linuxu: ramfs in "
            f"the linuxu image (a host process); host: the same static "
            f"build on the host's /dev/shm tmpfs. A ratio above 1 means "
            f"Kiln is faster.\n\n")
    text += common.md_table(header, table)
    if failed:
        text += "\nFailed runs: " + ", ".join(
            f"{k} {v}" for k, v in sorted(failed.items())) + \
            f" (logs fs-*.log in {outdir}).\n"
    return text
