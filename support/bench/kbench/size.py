# SPDX-License-Identifier: BSD-3-Clause
"""Image size: the ELF with symbols (.dbg), the stripped image, and each
library's share of text/rodata/data/bss from the link map, for each app and
build configuration."""

import os
import re

from . import common

COLUMNS = ["app", "plat", "config", "library", "text", "rodata", "data",
           "bss", "total"]

# Build variants: a name and the .config symbols that make it.
CONFIGS = [
    ("default", []),
    ("no-gc-sections", ["# CONFIG_OPTIMIZE_GC_SECTIONS is not set"]),
    ("size-Os", ["CONFIG_OPTIMIZE_SIZE=y", "# CONFIG_OPTIMIZE_PERF is not set"]),
    ("lto", ["CONFIG_OPTIMIZE_LTO=y"]),
    ("lto-Os", ["CONFIG_OPTIMIZE_LTO=y", "CONFIG_OPTIMIZE_SIZE=y",
                "# CONFIG_OPTIMIZE_PERF is not set"]),
]


def build(app, plats, cfgname, lines, outdir):
    """Build @app in one configuration for every platform in @plats;
    returns {plat: image path}."""
    return common.build_kiln(
        app, os.path.join(outdir, "images", f"size-{cfgname}"), plats,
        lines, os.path.join(outdir, f"build-size-{cfgname}.log"),
        f"{app} ({cfgname})")


_SEC = re.compile(r"^ (\.\S+|COMMON)(?:\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S+))?$")
_CONT = re.compile(r"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S+)$")


def _kind(section):
    for k in ("text", "rodata", "data", "bss"):
        if section.startswith("." + k):
            return k
    if section == "COMMON":
        return "bss"
    if section.startswith(".uk_") or section.startswith(".init_array"):
        return "rodata"
    return None


def per_library(mapfile):
    """{library: {text, rodata, data, bss}} from a GNU ld map file: the
    input sections that the link kept (the part after "Linker script and
    memory map"), attributed to the per-library object they came from."""
    libs = {}
    started = False
    pending = None
    with open(mapfile) as f:
        for line in f:
            line = line.rstrip("\n")
            if not started:
                started = line.startswith("Linker script and memory map")
                continue
            m = _SEC.match(line)
            if m and m.group(2) is None:
                pending = m.group(1)
                continue
            if m:
                sec, size, obj = m.group(1), int(m.group(3), 16), m.group(4)
            else:
                c = _CONT.match(line)
                if not (c and pending):
                    pending = None
                    continue
                sec, size, obj = pending, int(c.group(2), 16), c.group(3)
            pending = None
            kind = _kind(sec)
            if not kind or not obj.endswith(".o") or size == 0:
                continue
            lib = os.path.basename(obj)[:-2]
            d = libs.setdefault(lib, {"text": 0, "rodata": 0, "data": 0,
                                      "bss": 0})
            d[kind] += size
    return libs


def run(apps, plats, outdir):
    rows = []
    images = []
    for app in apps:
        for cfgname, lines in CONFIGS:
            common.progress(f"size: {app} {cfgname}")
            imgs = build(app, plats, cfgname, lines, outdir)
            name = os.path.basename(app.rstrip("/"))
            for plat, img in imgs.items():
                images.append([name, plat, cfgname,
                               os.path.getsize(img + ".dbg"),
                               os.path.getsize(img)])
                for lib, d in sorted(per_library(img + ".map").items()):
                    rows.append({"app": name, "plat": plat,
                                 "config": cfgname, "library": lib, **d,
                                 "total": sum(d.values())})
    common.progress_done()
    common.write_csv(os.path.join(outdir, "size.csv"), COLUMNS, rows)
    plot(rows, outdir)
    text = ("Image sizes in bytes (ELF with symbols, stripped bootable "
            "image), then each library's share of the loaded sections from "
            "the link map (bss takes no file space).\n\n")
    text += common.md_table(["app", "plat", "config", ".dbg bytes",
                             "image bytes"], images)
    libtab = [[r["app"], r["plat"], r["library"], r["text"], r["rodata"],
               r["data"], r["bss"], r["total"]] for r in rows
              if r["config"] == "default"]
    text += "\nPer library, default configuration:\n\n"
    text += common.md_table(["app", "plat", "library", "text", "rodata",
                             "data", "bss", "total"], libtab)
    return text


def plot(rows, outdir):
    """Stacked bars: one bar per app/config, one colour per library,
    text+rodata+data (what the image file carries)."""
    bars = sorted({(r["app"], r["plat"], r["config"]) for r in rows})
    libs = sorted({r["library"] for r in rows})
    with open(os.path.join(outdir, "size.dat"), "w") as f:
        f.write("bar " + " ".join(libs) + "\n")
        for app, plat, cfg in bars:
            vals = []
            for lib in libs:
                v = [r["text"] + r["rodata"] + r["data"] for r in rows
                     if (r["app"], r["plat"], r["config"], r["library"]) ==
                     (app, plat, cfg, lib)]
                vals.append(str(v[0] / 1024 if v else 0))
            f.write(f"{app}/{plat}/{cfg} " + " ".join(vals) + "\n")
    script = f"""
set terminal pngcairo size 1000,600 noenhanced
set output 'size.png'
set title 'Loaded size per library (KiB: text + rodata + data)'
set ylabel 'KiB'
set style data histograms
set style histogram rowstacked
set style fill solid 0.8 border -1
set boxwidth 0.6
set key outside right
set xtics rotate by -20
colors = "#1f77b4 #ff7f0e #2ca02c #d62728 #9467bd #8c564b #e377c2 #7f7f7f #bcbd22 #17becf #393b79 #637939 #8c6d31 #843c39 #7b4173 #3182bd"
plot for [i=2:{len(libs) + 1}] 'size.dat' using i:xtic(1) title columnheader(i) lc rgb word(colors, (i - 2) % 16 + 1)
"""
    common.gnuplot(script, outdir)
