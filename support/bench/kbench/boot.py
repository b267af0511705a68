# SPDX-License-Identifier: BSD-3-Clause
"""Boot time: boot every system N times, interleaved run by run (A B C A B
C ...) so that a change in the machine's load hits all systems alike, and
report total, VMM and guest time per system, plus the ratio of each system
to the first Kiln one, run by run (median of the per-run ratios)."""

import os

from . import common
from . import systems as systems_mod

COLUMNS = ["system", "kind", "machine", "run", "ok", "total_ms", "vmm_ms",
           "guest_ms", "load1", "reason"]


def run(systems, outdir, n):
    rows = []
    for s in systems:
        s.prepare(outdir)
    for i in range(n):
        for s in systems:
            common.progress(f"boot: run {i + 1}/{n}: {s.name}")
            r = s.boot()
            rows.append({"system": s.name, "kind": s.kind,
                         "machine": s.machine, "run": i + 1,
                         "ok": int(r.ok), "total_ms": round(r.total_ms, 3),
                         "vmm_ms": round(r.vmm_ms, 3),
                         "guest_ms": round(r.guest_ms, 4),
                         "load1": common.loadavg(), "reason": r.reason})
            if not r.ok:
                with open(os.path.join(outdir, f"boot-{s.name}-{i + 1}"
                                       ".log"), "w") as f:
                    f.write(r.output)
    common.progress_done()
    common.write_csv(os.path.join(outdir, "boot.csv"), COLUMNS, rows)
    table = summarize(systems, rows)
    plot(systems, rows, outdir)
    return table


def _series(rows, name, col):
    return [r[col] for r in rows if r["system"] == name and r["ok"]]


def _paired_runs(rows, a, b):
    """(row of a, row of b) for each run both booted: the runs are
    interleaved, so run i of both saw the same machine load."""
    return [(x, y) for x, y in zip([r for r in rows if r["system"] == a],
                                   [r for r in rows if r["system"] == b])
            if x["ok"] and y["ok"]]


def _ratio_median(rows, num, den):
    """Median over runs of num's total / den's total in the same run."""
    return common.stats([a["total_ms"] / b["total_ms"]
                         for a, b in _paired_runs(rows, num, den)
                         if b["total_ms"] > 0])["median"]


def summarize(systems, rows):
    ref = next((s for s in systems if s.kind == "kiln"), systems[0])
    header = ["system", "ok/runs", "total median ms", "min", "mean",
              "stddev", "max", "VMM median ms", "guest median ms",
              f"total / {ref.name}", "load avg"]
    table = []
    for s in systems:
        st = common.stats(_series(rows, s.name, "total_ms"))
        vmm = common.stats(_series(rows, s.name, "vmm_ms"))
        guest = common.stats(_series(rows, s.name, "guest_ms"))
        ratio = _ratio_median(rows, s.name, ref.name)
        runs = [r for r in rows if r["system"] == s.name]
        load = common.stats([r["load1"] for r in runs])["mean"]
        table.append([s.name, f"{sum(r['ok'] for r in runs)}/{len(runs)}",
                      st["median"], st["min"], st["mean"], st["stddev"],
                      st["max"], vmm["median"], guest["median"], ratio,
                      load])
    text = common.md_table(header, table)
    text += "\n" + versus(systems, rows)
    text += "\n" + over_floor(systems, rows)
    intro = ("Time from launching the process (QEMU, or the linuxu image) "
            "to \"Hello world!\" on the console, host clock; VMM = total - "
            "guest, guest = the guest's own entry-to-main time "
            "(linux: uptime when /init starts). Ratio: median over runs "
            "of total / the same run's " + ref.name + ".\n\n")
    return intro + text


def versus(systems, rows):
    """Kiln against Linux on the same QEMU machine: medians, and the
    median of the per-run Linux/Kiln ratios."""
    out = []
    for k, l in systems_mod.kiln_pairs(systems, "linux"):
        out.append([k.machine, k.name, l.name,
                    common.stats(_series(rows, k.name, "total_ms"))["median"],
                    common.stats(_series(rows, l.name, "total_ms"))["median"],
                    _ratio_median(rows, l.name, k.name)])
    if not out:
        return ""
    return ("Kiln against Linux on the same machine (total time; ratio = "
            "median over runs of Linux / Kiln):\n\n" +
            common.md_table(["machine", "kiln", "linux", "kiln median ms",
                             "linux median ms", "linux / kiln"], out))


def over_floor(systems, rows):
    """Kiln against the floor kernel (support/bench/tools/floor.S) on the
    same QEMU machine: what Kiln adds to QEMU's and the firmware's cost,
    as the median of the per-run differences."""
    out = []
    for k, f in systems_mod.kiln_pairs(systems, "floor"):
        diffs = [a["total_ms"] - b["total_ms"]
                 for a, b in _paired_runs(rows, k.name, f.name)]
        out.append([k.machine, k.name,
                    common.stats(_series(rows, k.name, "total_ms"))["median"],
                    common.stats(_series(rows, f.name, "total_ms"))["median"],
                    common.stats(diffs)["median"]])
    if not out:
        return ""
    return ("Kiln against the floor, a kernel that only prints and exits, "
            "booted the same way (what QEMU and the firmware cost before "
            "any kernel work; Kiln's share = median over runs of Kiln - "
            "floor):\n\n" +
            common.md_table(["machine", "kiln", "kiln median ms",
                             "floor median ms", "kiln - floor ms"], out))


def plot(systems, rows, outdir):
    """Per system: a bar at the median, a whisker from min to max, and a
    dot per run (log scale: Kiln and Linux differ by orders of magnitude).
    """
    with open(os.path.join(outdir, "boot.dat"), "w") as f:
        for i, s in enumerate(systems):
            st = common.stats(_series(rows, s.name, "total_ms"))
            if not st["n"]:
                continue
            f.write(f'{i} "{s.name}" {st["median"]} {st["min"]} '
                    f'{st["max"]}\n')
    with open(os.path.join(outdir, "boot-runs.dat"), "w") as f:
        for i, s in enumerate(systems):
            for v in _series(rows, s.name, "total_ms"):
                f.write(f"{i} {v}\n")
    script = f"""
set terminal pngcairo size 1000,600 noenhanced
set output 'boot.png'
set title 'Boot time, launch to "Hello world!" (ms, log scale): bar = median, whisker = min..max, dots = runs'
set ylabel 'ms'
set logscale y
set style fill solid 0.4 border -1
set boxwidth 0.5
set xrange [-0.5:{len(systems) - 0.5}]
set xtics rotate by -20
unset key
plot 'boot.dat' using 1:3:xtic(2) with boxes lc 3, \\
     'boot.dat' using 1:3:4:5 with yerrorbars lc 7 pt 0, \\
     'boot-runs.dat' using 1:2 with points pt 7 ps 0.6 lc 8
"""
    common.gnuplot(script, outdir)
