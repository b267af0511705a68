# SPDX-License-Identifier: BSD-3-Clause
"""Shared pieces of the evaluation suite: statistics, CSV, gnuplot plots,
Markdown tables, progress lines and the description of the machine.

Every benchmark writes into one output folder (build/bench/<timestamp>/ by
default): <name>.csv with one row per measurement, <name>.png, and a section
of summary.md. Nothing here asserts a number: benchmarks measure and print.
"""

import csv
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

KILN_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def die(msg):
    print(f"kiln: bench: {msg}", file=sys.stderr)
    sys.exit(1)


def progress(msg):
    """One progress line, rewritten in place on a terminal."""
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[K" + msg)
    else:
        sys.stderr.write(msg + "\n")
    sys.stderr.flush()


def progress_done():
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()


def loadavg():
    """The 1-minute load average, recorded with every series."""
    try:
        with open("/proc/loadavg") as f:
            return float(f.read().split()[0])
    except OSError:
        return float("nan")


def machine_description():
    """What the numbers were measured on, for every summary."""
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") >> 30
    except (ValueError, OSError):
        mem = 0
    qemu = "qemu not installed"
    if shutil.which("qemu-system-x86_64"):
        out = subprocess.run(["qemu-system-x86_64", "--version"],
                             capture_output=True, text=True).stdout
        qemu = out.splitlines()[0] if out else "qemu (unknown version)"
    return (f"{cpu}, {os.cpu_count()} CPUs, {mem} GiB RAM, "
            f"Linux {platform.release()}, {qemu}, load {loadavg():.2f}")


def stats(values):
    """min/median/mean/stddev/max of a list of numbers (NaN-free)."""
    v = [x for x in values if x == x]
    if not v:
        return {"n": 0, "min": float("nan"), "median": float("nan"),
                "mean": float("nan"), "stddev": float("nan"),
                "max": float("nan")}
    return {
        "n": len(v),
        "min": min(v),
        "median": statistics.median(v),
        "mean": statistics.fmean(v),
        "stddev": statistics.stdev(v) if len(v) > 1 else 0.0,
        "max": max(v),
    }


def write_csv(path, columns, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([r.get(c, "") for c in columns])


def fmt(x, digits=2):
    if isinstance(x, float):
        if x != x:
            return "n/a"
        return f"{x:.{digits}f}"
    return str(x)


def md_table(header, rows):
    """A Markdown table from a header list and rows of cells."""
    out = ["| " + " | ".join(header) + " |",
           "|" + "|".join("---" for _ in header) + "|"]
    for r in rows:
        out.append("| " + " | ".join(fmt(c) for c in r) + " |")
    return "\n".join(out) + "\n"


def gnuplot(script, cwd):
    """Run a gnuplot script; returns True when it ran cleanly."""
    if not shutil.which("gnuplot"):
        die("gnuplot is missing: run support/scripts/deps bench")
    r = subprocess.run(["gnuplot"], input=script, text=True, cwd=cwd,
                       capture_output=True)
    if r.returncode != 0:
        print(r.stderr, file=sys.stderr)
        return False
    return True


def build_kiln(app, out, plats, config_lines, log, what):
    """Configure @app in build folder @out from its defconfig plus
    @config_lines (.config lines, the CONFIG_PLAT_ ones of @plats added),
    build it for @plats, and return {plat: image path}. Output goes to
    @log; a failure ends the bench naming @what."""
    name = os.path.basename(app.rstrip("/"))
    mk = ["make", "-C", KILN_ROOT, f"A={app}", f"O={out}", "-j2"]
    lines = [f"CONFIG_PLAT_{p.upper()}=y" for p in plats] + list(config_lines)
    with open(log, "a") as f:
        ok = subprocess.run(mk + ["defconfig"], stdout=f, stderr=f).returncode == 0
        if ok:
            with open(os.path.join(out, name, ".config"), "a") as c:
                c.write("".join(line + "\n" for line in lines))
            ok = subprocess.run(mk + ["olddefconfig"], stdout=f,
                                stderr=f).returncode == 0
        if ok:
            plat_arg = [f"PLAT={plats[0]}"] if len(plats) == 1 else []
            ok = subprocess.run(mk + plat_arg, stdout=f,
                                stderr=f).returncode == 0
    if not ok:
        die(f"building {what} failed: see {log}")
    return {p: os.path.join(out, f"{name}_{p}-x86_64") for p in plats}


class Summary:
    """summary.md of one bench run: a header, then a section per bench."""

    def __init__(self, outdir):
        self.path = os.path.join(outdir, "summary.md")
        if not os.path.exists(self.path):
            with open(self.path, "w") as f:
                f.write("# Kiln evaluation\n\n")
                f.write(f"Run {time.strftime('%Y-%m-%d %H:%M:%S %Z')} on: "
                        f"{machine_description()}\n\n")

    def section(self, title, text):
        with open(self.path, "a") as f:
            f.write(f"## {title}\n\n{text}\n")
