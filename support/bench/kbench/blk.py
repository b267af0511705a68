# SPDX-License-Identifier: BSD-3-Clause
"""Block device sequential read throughput: tests/apps/blkcheck's bench
mode on a disk image of DISK_MIB MiB, N runs per system.

What is measured: the guest reads MIB MiB sequentially (wrapping around
the disk) through uk_blkdev_sync_io() in 8 MiB calls, each split into
requests of the driver's max_sectors_per_req with the queue kept full;
the guest's monotonic clock times the reads only (after one warm-up
chunk). MB = 10^6 bytes. The image is filled with random bytes and read
once on the host first, so the host side is served from its page cache:
the figure is the cost of the guest's block path plus, on kvm, QEMU's
device model under TCG (no KVM here), not of any storage medium.

Systems: linuxu (drivers/linuxu/fileblk: pread64 per request), and on
kvm -M pc with virtio-blk-pci when drivers/virtio/blk exists in the tree.
"""

import os
import re
import subprocess

from . import common

COLUMNS = ["system", "plat", "machine", "run", "ok", "bytes", "ns", "mbps",
           "load1", "reason"]
DISK_MIB = 64
READ_MIB = 256
APP = "tests/apps/blkcheck"
LINE = re.compile(r"^blkbench: bytes=(\d+) ns=(\d+) mbps=([0-9.]+)", re.M)


def systems():
    """(name, plat, machine) of every system this tree can measure."""
    out = [("kiln-linuxu-fileblk", "linuxu", "")]
    if os.path.isdir(os.path.join(common.KILN_ROOT, "drivers", "virtio",
                                  "blk")):
        out.append(("kiln-kvm-pc-virtio-blk", "kvm", "pc"))
    return out


def make_disk(path, mib):
    """A disk of random bytes, then read once so it sits in the host's
    page cache."""
    with open(path, "wb") as f:
        for _ in range(mib):
            f.write(os.urandom(1 << 20))
    with open(path, "rb") as f:
        while f.read(1 << 22):
            pass


def run_one(images, plat, machine, disk, mib, timeout):
    cmd = [os.path.join(common.KILN_ROOT, "support", "scripts", "run"),
           "--plat", plat, "--image", images[plat], "--disk", disk]
    if plat == "kvm":
        cmd += ["--accel", "tcg", "--machine", machine, "--mem", "64M"]
    cmd += ["--", "bench", f"mib={mib}"]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    m = LINE.search(r.stdout)
    if r.returncode != 0 or not m:
        last = (r.stdout + r.stderr).strip().splitlines()[-1:] or ["?"]
        return None, f"exit {r.returncode}: {last[0]}"
    return (int(m.group(1)), int(m.group(2)), float(m.group(3))), ""


def run(outdir, n, mib=READ_MIB, timeout=120):
    syst = systems()
    plats = sorted({p for _, p, _ in syst})
    images = common.build_kiln(APP, os.path.join(outdir, "images", "blk"),
                               plats, [],
                               os.path.join(outdir, "build-blk.log"),
                               "blkcheck")
    disk = os.path.join(outdir, "blk-disk.img")
    make_disk(disk, DISK_MIB)
    rows = []
    for i in range(1, n + 1):
        for name, plat, machine in syst:
            common.progress(f"blk: {name} run {i}/{n}")
            res, reason = run_one(images, plat, machine, disk, mib, timeout)
            row = {"system": name, "plat": plat, "machine": machine,
                   "run": i, "ok": int(res is not None),
                   "load1": common.loadavg(), "reason": reason}
            if res:
                row.update(bytes=res[0], ns=res[1], mbps=res[2])
            rows.append(row)
    common.progress_done()
    os.unlink(disk)
    common.write_csv(os.path.join(outdir, "blk.csv"), COLUMNS, rows)
    table = []
    for name, plat, machine in syst:
        st = common.stats([r["mbps"] for r in rows
                           if r["system"] == name and r["ok"]])
        table.append([name, f"{st['n']}/{n}", st["min"], st["median"],
                      st["mean"], st["stddev"], st["max"]])
    plot(table, outdir)
    text = (f"Sequential read throughput of block device 0 (MB/s, 10^6 "
            f"bytes): the guest reads {mib} MiB of a {DISK_MIB} MiB image "
            f"of random bytes in 8 MiB uk_blkdev_sync_io() calls, timed by "
            f"its monotonic clock. The image is in the host's page cache; "
            f"kvm runs under QEMU TCG. linuxu: drivers/linuxu/fileblk "
            f"(pread64 per request).")
    if len(syst) == 1:
        text += " No kvm figure: this tree has no virtio-blk driver."
    text += "\n\n" + common.md_table(
        ["system", "runs ok", "min", "median", "mean", "stddev", "max"],
        table)
    return text


def plot(table, outdir):
    with open(os.path.join(outdir, "blk.dat"), "w") as f:
        for i, row in enumerate(table):
            if row[3] == row[3]:
                f.write(f'{i} "{row[0]}" {row[3]} {row[2]} {row[6]}\n')
    script = f"""
set terminal pngcairo size 800,500 noenhanced
set output 'blk.png'
set title 'Sequential read (MB/s): bar = median, whisker = min..max'
set ylabel 'MB/s'
set yrange [0:*]
set style fill solid 0.4 border -1
set boxwidth 0.5
set xrange [-0.5:{len(table) - 0.5}]
unset key
plot 'blk.dat' using 1:3:xtic(2) with boxes lc 3, \\
     'blk.dat' using 1:3:4:5 with yerrorbars lc 7 pt 0
"""
    common.gnuplot(script, outdir)
