# SPDX-License-Identifier: BSD-3-Clause
"""Raw netdev receive rate: how many frames per second a Kiln guest takes
from its network device through uknetdev, without a network stack.

For each platform (linuxu: the tap driver; kvm: virtio-net on QEMU -M pc,
TCG) and each rx mode (interrupt, polling), N runs interleaved: a fresh
network namespace with a tap, tests/apps/netecho booted on it in sink mode,
and support/bench/tools/pktsend (a host C tool, built here with gcc)
sending FRAMES 60-byte frames through an AF_PACKET socket on the host side
as fast as one thread can (retrying when the tap is full, so the guest is
saturated for the whole run). The guest reports the frames it counted and
their rate on its own clock, from the first to the last frame.
"""

import os
import re
import subprocess
import time

from . import common
from . import systems as systems_mod

COLUMNS = ["plat", "mode", "run", "ok", "frames_sent", "frames_received",
           "guest_span_ms", "guest_pps", "host_pps", "load1", "reason"]
APP = "tests/apps/netecho"
HOST_IP = "172.31.0.1/24"
PLATS = [("linuxu", "linuxu"), ("kvm", "kvm-pc")]
NAMES = [name for _, name in PLATS]
MODES = ["intr", "poll"]


def _sh(cmd, check=True):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if check and r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: {r.stderr.strip()}")
    return r


class Netns:
    """A network namespace with one tap, deleted on exit (with whatever
    still runs inside)."""

    def __init__(self, tag):
        self.ns = f"kb-net-{os.getpid()}-{tag}"
        self.tap = f"kbt{os.getpid() % 100000}{tag}"[:15]

    def __enter__(self):
        try:
            _sh(["ip", "netns", "add", self.ns])
            _sh(["ip", "-n", self.ns, "tuntap", "add", "dev", self.tap,
                 "mode", "tap"])
            _sh(["ip", "netns", "exec", self.ns, "sysctl", "-qw",
                 f"net.ipv6.conf.{self.tap}.disable_ipv6=1"])
            _sh(["ip", "-n", self.ns, "addr", "add", HOST_IP, "dev",
                 self.tap])
            _sh(["ip", "-n", self.ns, "link", "set", self.tap, "up"])
        except Exception:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc):
        pids = _sh(["ip", "netns", "pids", self.ns], check=False).stdout
        for p in pids.split():
            try:
                os.kill(int(p), 9)
            except (OSError, ValueError):
                pass
        _sh(["ip", "netns", "del", self.ns], check=False)
        return False

    def cmd(self, *args):
        return ["ip", "netns", "exec", self.ns, *args]


def build_tool(outdir, log):
    src = os.path.join(common.KILN_ROOT, "support", "bench", "tools",
                       "pktsend.c")
    exe = os.path.join(outdir, "pktsend")
    with open(log, "a") as f:
        r = subprocess.run(["gcc", "-O2", "-Wall", "-Wextra", "-Werror",
                            "-o", exe, src], stdout=f, stderr=f)
    if r.returncode != 0:
        common.die(f"building pktsend failed: see {log}")
    return exe


def one_run(plat, mode, image, tool, frames, tag, outdir):
    """Boot netecho in sink mode, blast it, return a CSV row."""
    row = {"plat": plat, "mode": mode, "ok": 0, "frames_sent": frames,
           "load1": common.loadavg(), "reason": ""}
    log = os.path.join(outdir, f"net-{plat}-{mode}-{tag}.log")
    args = [f"sink={frames}", "idle=1000", "timeout=120", f"mode={mode}"]
    with Netns(tag) as n, open(log, "w") as f:
        run = [os.path.join(common.KILN_ROOT, "support", "scripts", "run"),
               "--plat", "kvm" if plat.startswith("kvm") else "linuxu",
               "--image", image, "--net", n.tap]
        if plat.startswith("kvm"):
            run += ["--accel", "tcg", "--machine", "pc"]
        g = subprocess.Popen(n.cmd(*run, "--", *args), stdout=f,
                             stderr=subprocess.STDOUT,
                             stdin=subprocess.DEVNULL)
        mac = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and g.poll() is None:
            with open(log) as r:
                m = re.search(r"^netecho: ready .* mac=([0-9a-f:]+) ",
                              r.read(), re.M)
            if m:
                mac = m.group(1)
                break
            time.sleep(0.05)
        if not mac:
            g.kill()
            g.wait()
            with open(log) as r:
                out = r.read()
            row["reason"] = ("no network device" if "no network device"
                             in out else "guest not ready")
            return row
        s = subprocess.run(n.cmd(tool, n.tap, mac, str(frames)),
                           capture_output=True, text=True)
        try:
            rc = g.wait(timeout=150)
        except subprocess.TimeoutExpired:
            g.kill()
            g.wait()
            rc = None
    with open(log) as r:
        out = r.read()
    m = re.search(r"pps=(\d+)", s.stdout)
    row["host_pps"] = int(m.group(1)) if m else ""
    m = re.search(r"^netecho: sink frames=(\d+) bytes=\d+ span_ns=(\d+) "
                  r"pps=(\d+)", out, re.M)
    if s.returncode != 0 or rc != 0 or not m:
        row["reason"] = (f"pktsend: {s.stderr.strip()}" if s.returncode
                         else f"guest exit status {rc}")
        return row
    row.update(ok=1, frames_received=int(m.group(1)),
               guest_span_ms=round(int(m.group(2)) / 1e6, 3),
               guest_pps=int(m.group(3)))
    return row


def run(outdir, n, frames):
    if os.geteuid() != 0:
        common.die("the net bench creates network namespaces: run it as "
                   "root")
    log = os.path.join(outdir, "build-net.log")
    plats = [p for p in ("linuxu", "kvm") if systems_mod.have_platform(p)]
    images = common.build_kiln(APP, os.path.join(outdir, "images", "net"),
                               plats, [], log, APP)
    tool = build_tool(outdir, log)
    configs = [(name, images[p], mode) for p, name in PLATS if p in plats
               for mode in MODES]
    rows = []
    skip = set()
    for i in range(n):
        for name, image, mode in configs:
            if name in skip:
                continue
            common.progress(f"net: run {i + 1}/{n}: {name} {mode}")
            r = one_run(name, mode, image, tool, frames,
                        f"{len(rows)}", outdir)
            r["run"] = i + 1
            rows.append(r)
            # An image without a network driver will not grow one.
            if r["reason"] == "no network device":
                skip.add(name)
    common.progress_done()
    common.write_csv(os.path.join(outdir, "net.csv"), COLUMNS, rows)
    plot(rows, outdir)
    return summarize(rows, frames)


def summarize(rows, frames):
    text = (f"Frames per second a guest receives through uknetdev "
            f"(tests/apps/netecho sink mode, no network stack), {frames} "
            "60-byte frames per run sent from the host side of a tap in a "
            "network namespace by support/bench/tools/pktsend (AF_PACKET, "
            "one thread, retrying when the tap is full). The rate is the "
            "guest's, on its own clock from the first to the last frame. "
            "linuxu: the tap driver (one read() per frame); kvm-pc: "
            "virtio-net under QEMU TCG. Where the guest rate is close to "
            "the host's send rate, the sender (sharing the machine's CPUs "
            "with the guest) was the limit, not the guest.\n\n")
    table = []
    for plat in NAMES:
        for mode in MODES:
            sel = [r for r in rows if r["plat"] == plat and r["mode"] == mode]
            if not sel:
                continue
            ok = [r for r in sel if r["ok"]]
            st = common.stats([float(r["guest_pps"]) for r in ok])
            reasons = sorted({r["reason"] for r in sel if not r["ok"]})
            table.append([plat, mode, f"{len(ok)}/{len(sel)}", st["median"],
                          st["min"], st["max"],
                          common.stats([float(r["host_pps"]) for r in ok
                                        if r["host_pps"] != ""])["median"],
                          "; ".join(reasons) or "-"])
    text += common.md_table(["plat", "rx mode", "ok/runs",
                             "guest pps median", "min", "max",
                             "host send pps median", "failures"], table)
    line = []
    for plat in NAMES:
        st = common.stats([float(r["guest_pps"]) for r in rows
                           if r["plat"] == plat and r["ok"] and
                           r["mode"] == "intr"])
        line.append(f"{plat} {st['median']:.0f} pps" if st["n"] else
                    f"{plat} n/a")
    text += "\nnet rx rate (interrupt mode, median): " + \
        ", ".join(line) + "\n"
    return text


def plot(rows, outdir):
    bars = []
    for plat in NAMES:
        for mode in MODES:
            st = common.stats([float(r["guest_pps"]) for r in rows
                               if r["plat"] == plat and
                               r["mode"] == mode and r["ok"]])
            if st["n"]:
                bars.append(f"{plat}/{mode} {st['median']}\n")
    if not bars:
        return
    with open(os.path.join(outdir, "net.dat"), "w") as f:
        f.write("config pps\n" + "".join(bars))
    script = """
set terminal pngcairo size 800,500 noenhanced
set output 'net.png'
set title 'Raw netdev receive rate (guest frames/s, median)'
set ylabel 'frames/s'
set style data histograms
set style fill solid 0.8 border -1
set boxwidth 0.6
set yrange [0:*]
unset key
plot 'net.dat' using 2:xtic(1) lc rgb '#1f77b4'
"""
    common.gnuplot(script, outdir)
