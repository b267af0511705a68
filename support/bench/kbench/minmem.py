# SPDX-License-Identifier: BSD-3-Clause
"""Minimum memory: the least memory at which each system still boots and
prints "Hello world!", found by dichotomic search between a size that fails
and one that works. A VMM error, a guest out-of-memory message, a crash or
a timeout all count as failure. Kiln is searched in KiB (to 4 KiB, from 0:
QEMU takes any -m and rounds it up to 8 KiB; firmware that cannot run in
too little RAM spins, hence each system's short timeout), Linux in MiB."""

import os

from . import common
from . import systems as systems_mod

COLUMNS = ["system", "unit", "probe", "ok", "reason"]
GRANULE = {"KiB": 4, "MiB": 1}


def search(system, rows, timeout):
    unit = system.mem_unit
    hi = system.default_mem
    r = system.boot(mem=hi, timeout=timeout)
    rows.append({"system": system.name, "unit": unit, "probe": hi,
                 "ok": int(r.ok), "reason": r.reason})
    if not r.ok:
        return None
    lo = 0
    while hi - lo > GRANULE[unit]:
        mid = (lo + hi) // 2
        mid -= mid % GRANULE[unit]
        if mid <= lo:
            break
        common.progress(f"minmem: {system.name}: {mid} {unit} "
                        f"(between {lo} and {hi})")
        r = system.boot(mem=mid, timeout=timeout)
        rows.append({"system": system.name, "unit": unit, "probe": mid,
                     "ok": int(r.ok), "reason": r.reason})
        if r.ok:
            hi = mid
        else:
            lo = mid
    return hi


def run(systems, outdir):
    rows = []
    found = []
    for s in systems:
        s.prepare(outdir)
        m = search(s, rows, s.minmem_timeout)
        kib = m * (1024 if s.mem_unit == "MiB" else 1) if m else None
        found.append((s, m, kib))
    common.progress_done()
    common.write_csv(os.path.join(outdir, "minmem.csv"), COLUMNS, rows)
    ref = next((k for s, m, k in found if s.kind == "kiln" and k), None)
    table = []
    for s, m, kib in found:
        table.append([s.name, f"{m} {s.mem_unit}" if m else "did not boot",
                      round(kib / 1024, 3) if kib else float("nan"),
                      kib / ref if kib and ref else float("nan")])
    kib_of = {s.name: kib for s, _, kib in found}
    pairs = []
    for k, l in systems_mod.kiln_pairs([s for s, _, _ in found], "linux"):
        kk, lk = kib_of[k.name], kib_of[l.name]
        if kk and lk:
            pairs.append([k.machine, k.name, l.name, round(kk / 1024, 3),
                          round(lk / 1024, 3), lk / kk])
    plot(found, outdir)
    text = ("Least memory given to the system (QEMU -m, linuxu -m) with "
            "which it still printed \"Hello world!\" and exited cleanly; "
            "dichotomic search, probes in minmem.csv.\n\n")
    text += common.md_table(["system", "minimum", "MiB",
                             "ratio to first Kiln"], table)
    if pairs:
        text += ("\nKiln against Linux on the same machine:\n\n" +
                 common.md_table(["machine", "kiln", "linux", "kiln MiB",
                                  "linux MiB", "linux / kiln"], pairs))
    return text


def plot(found, outdir):
    with open(os.path.join(outdir, "minmem.dat"), "w") as f:
        for s, m, kib in found:
            f.write(f"\"{s.name}\" {kib / 1024 if kib else 'NaN'}\n")
    script = """
set terminal pngcairo size 900,500 noenhanced
set output 'minmem.png'
set title 'Minimum memory to print "Hello world!" (MiB, log scale)'
set ylabel 'MiB'
set logscale y
set style fill solid 0.6 border -1
set boxwidth 0.6
set xtics rotate by -20
unset key
plot 'minmem.dat' using 0:2:xtic(1) with boxes
"""
    common.gnuplot(script, outdir)
