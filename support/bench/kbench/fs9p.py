# SPDX-License-Identifier: BSD-3-Clause
"""9pfs throughput and metadata rate, side by side with a Linux guest on
the same 9p share (same QEMU -fsdev/-device options, same msize) and on
its tmpfs: `make bench BENCH=fs9p`.

What is measured, in each guest, by the guest's monotonic clock: write
then read one file sequentially (MIB MiB, 4 KiB calls, then 1 MiB
calls), then create+stat+unlink cycles for SECS seconds. Kiln runs
tests/apps/fs9pcheck's bench mode; Linux runs support/bench/tools/
fsbench.c (the same workload, built static on the host) from a busybox
initramfs that loads the 9p modules of Debian's generic kernel (the
cloud kernel of the boot bench has none) and mounts the share with
trans=virtio,version=9p2000.L,msize=MSIZE (cache=none, the default: no
page cache, every call goes to the server, as in Kiln). The share is a
folder of the host's /tmp; everything runs under QEMU TCG.

Systems: kiln-pc-9pfs, linux-pc-9p, linux-pc-tmpfs. Table: medians of N
runs, and Kiln's ratio to the Linux guest on the same share.
"""

import glob
import os
import re
import shutil
import subprocess
import tempfile
import zlib

from . import common, linuxguest, systems

APP = "tests/apps/fs9pcheck"
MSIZE = 131072
MIB = 32
SECS = 3
METRICS = [("write_4k", "MiB/s"), ("read_4k", "MiB/s"),
           ("write_1m", "MiB/s"), ("read_1m", "MiB/s"),
           ("create_stat_unlink", "ops/s")]
LINE = re.compile(r"^fs9pbench: (\w+) ([0-9.]+) ", re.M)
COLUMNS = ["system", "run", "ok", "load1", "reason"] + [m for m, _ in METRICS]
# The Linux guest: Debian's generic kernel (the cloud kernel of the boot
# bench has no 9p), and the modules it loads, with their dependencies
# (virtio_pci may be built in).
KERNEL_PKG = "linux-image-amd64"
MODULES = ["virtio_pci", "9pnet_virtio", "9p"]

INIT = """#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
for m in $(/bin/busybox cat /modules); do
	/bin/busybox insmod /lib/$m || /bin/busybox echo "insmod $m failed"
done
/bin/busybox mkdir -p /mnt
if [ "$fsb_mode" = 9p ]; then
	/bin/busybox mount -t 9p -o trans=virtio,version=9p2000.L,msize=$fsb_msize fs0 /mnt
else
	/bin/busybox mount -t tmpfs tmpfs /mnt
fi || /bin/busybox echo "fsbench: mount failed"
/fsbench /mnt $fsb_mib $fsb_secs
/bin/busybox echo "fsbench: exit $?"
/bin/busybox poweroff -f
"""


def _ko_bytes(path):
    if path.endswith(".xz"):
        import lzma
        with lzma.open(path) as f:
            return f.read()
    with open(path, "rb") as f:
        return f.read()


def _modules(kroot):
    """The .ko files of MODULES and their dependencies, in load order, as
    (file name, bytes). The package has no modules.dep (depmod makes it
    at install): the dependencies come from each module's .modinfo."""
    by_name = {}
    for path in glob.glob(os.path.join(kroot, "lib", "modules", "*",
                                       "kernel", "**", "*.ko*"),
                          recursive=True):
        name = re.sub(r"\.ko(\.xz)?$", "", os.path.basename(path))
        by_name[name.replace("-", "_")] = path
    order, data = [], {}

    def add(name):
        name = name.replace("-", "_")
        if name in order:
            return
        if name not in by_name:
            return              # built into the kernel
        blob = _ko_bytes(by_name[name])
        m = re.search(rb"\0depends=([^\0]*)\0", blob)
        for dep in (m.group(1).decode().split(",") if m else []):
            if dep:
                add(dep)
        order.append(name)
        data[name] = blob
    for name in MODULES:
        if name.startswith("9p") and name not in by_name:
            common.die(f"the kernel has no module {name}")
        add(name)
    return [(f"{n}.ko", data[n]) for n in order]


def _download_kernel(d):
    """The versioned package the metapackage KERNEL_PKG depends on."""
    deps = linuxguest._run(["apt-cache", "depends", KERNEL_PKG], d)
    name = next((ln.split()[1] for ln in deps.splitlines()
                 if ln.strip().startswith("Depends: linux-image-")), None)
    if not name:
        common.die(f"apt-cache depends {KERNEL_PKG}: no kernel package")
    debs = glob.glob(os.path.join(d, f"{name}_*.deb"))
    if not debs:
        common.progress(f"fs9p: downloading {name}")
        linuxguest._run(["apt-get", "download", "-qq", name], d)
        debs = glob.glob(os.path.join(d, f"{name}_*.deb"))
    if not debs:
        common.die(f"apt-get download {name} produced no .deb")
    return sorted(debs)[-1]


def prepare_linux(outdir):
    """(kernel, initrd) of the Linux guest that runs fsbench."""
    d = linuxguest.cache_dir()
    src = os.path.join(common.KILN_ROOT, "support", "bench", "tools",
                       "fsbench.c")
    with open(src, "rb") as f:
        tag = zlib.crc32(INIT.encode() + f.read())
    initrd = os.path.join(d, f"initrd-fs9p-{tag:08x}.gz")
    kernel = os.path.join(d, "vmlinuz-generic")
    if os.path.exists(initrd) and os.path.exists(kernel):
        return kernel, initrd
    kdeb = _download_kernel(d)
    bdeb = linuxguest._download(linuxguest.BUSYBOX_PKG, d)
    with tempfile.TemporaryDirectory(dir=d) as t:
        linuxguest._run(["dpkg-deb", "-x", kdeb, "k"], t)
        linuxguest._run(["dpkg-deb", "-x", bdeb, "b"], t)
        vmlinuz = glob.glob(os.path.join(t, "k", "boot", "vmlinuz-*"))
        if not vmlinuz:
            common.die(f"{kdeb} holds no /boot/vmlinuz-*")
        shutil.copy(vmlinuz[0], kernel + ".tmp")
        root = os.path.join(t, "root")
        for sub in ("bin", "dev", "proc", "sys", "lib"):
            os.makedirs(os.path.join(root, sub))
        shutil.copy(os.path.join(t, "b", "bin", "busybox"),
                    os.path.join(root, "bin", "busybox"))
        r = subprocess.run(["gcc", "-O2", "-static", "-o",
                            os.path.join(root, "fsbench"), src],
                           capture_output=True, text=True)
        if r.returncode != 0:
            common.die("building fsbench failed: " + r.stderr)
        names = []
        for name, blob in _modules(os.path.join(t, "k")):
            with open(os.path.join(root, "lib", name), "wb") as f:
                f.write(blob)
            names.append(name)
        with open(os.path.join(root, "modules"), "w") as f:
            f.write("\n".join(names) + "\n")
        with open(os.path.join(root, "init"), "w") as f:
            f.write(INIT)
        os.chmod(os.path.join(root, "init"), 0o755)
        files = linuxguest._run(["find", "."], root)
        cpio = subprocess.run(["cpio", "-o", "-H", "newc", "--quiet"],
                              cwd=root, input=files.encode(),
                              capture_output=True)
        if cpio.returncode != 0:
            common.die("cpio failed: " + cpio.stderr.decode())
        gz = subprocess.run(["gzip", "-1"], input=cpio.stdout,
                            capture_output=True)
        with open(initrd + ".tmp", "wb") as f:
            f.write(gz.stdout)
    os.replace(initrd + ".tmp", initrd)
    os.replace(kernel + ".tmp", kernel)
    return kernel, initrd


def _parse(out):
    vals = {m: float(v) for m, v in LINE.findall(out)}
    return vals if all(m in vals for m, _ in METRICS) else None


def run_kiln(image, share, mib, secs, timeout):
    cmd = [os.path.join(common.KILN_ROOT, "support", "scripts", "run"),
           "--plat", "kvm", "--image", image, "--accel", "tcg",
           "--machine", "pc", "--mem", "256M", "--fs", share + ":/host",
           "--", "bench", f"mib={mib}", f"secs={secs}"]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    vals = _parse(r.stdout)
    if r.returncode != 0 or not vals:
        last = (r.stdout + r.stderr).strip().splitlines()[-1:] or ["?"]
        return None, f"exit {r.returncode}: {last[0]}"
    return vals, ""


def run_linux(kernel, initrd, mode, share, mib, secs, timeout):
    append = (f"console=ttyS0 quiet panic=-1 fsb_mode={mode} "
              f"fsb_mib={mib} fsb_secs={secs} fsb_msize={MSIZE}")
    extra = []
    if mode == "9p":
        extra = ["-fsdev", f"local,id=fs0,path={share},security_model=none",
                 "-device", "virtio-9p-pci,fsdev=fs0,mount_tag=fs0"]
    cmd = systems.qemu_cmd("pc", 512, kernel, initrd, append, extra)
    try:
        r = subprocess.run(cmd, capture_output=True, text=True,
                           timeout=timeout, env=systems.qemu_env(),
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    vals = _parse(r.stdout)
    if not vals or "fsbench: exit 0" not in r.stdout:
        last = [ln for ln in r.stdout.splitlines() if "fsbench" in ln
                or "insmod" in ln][-1:] or ["no result"]
        return None, last[0]
    return vals, ""


def run(outdir, n, mib=MIB, secs=SECS, timeout=600):
    images = common.build_kiln(APP, os.path.join(outdir, "images", "fs9p"),
                               ["kvm"],
                               [f"CONFIG_LIB9PFS_MSIZE={MSIZE}"],
                               os.path.join(outdir, "build-fs9p.log"),
                               "fs9pcheck")
    kernel, initrd = prepare_linux(outdir)
    share = tempfile.mkdtemp(prefix="kiln-fs9p-")
    syst = [("kiln-pc-9pfs", lambda: run_kiln(images["kvm"], share, mib,
                                               secs, timeout)),
            ("linux-pc-9p", lambda: run_linux(kernel, initrd, "9p", share,
                                              mib, secs, timeout)),
            ("linux-pc-tmpfs", lambda: run_linux(kernel, initrd, "tmpfs",
                                                 share, mib, secs,
                                                 timeout))]
    rows = []
    try:
        for i in range(1, n + 1):
            for name, fn in syst:
                common.progress(f"fs9p: {name} run {i}/{n}")
                vals, reason = fn()
                row = {"system": name, "run": i, "ok": int(vals is not None),
                       "load1": common.loadavg(), "reason": reason}
                row.update(vals or {})
                rows.append(row)
    finally:
        shutil.rmtree(share, ignore_errors=True)
    common.progress_done()
    common.write_csv(os.path.join(outdir, "fs9p.csv"), COLUMNS, rows)
    med = {}
    for name, _ in syst:
        ok = [r for r in rows if r["system"] == name and r["ok"]]
        med[name] = {m: common.stats([r[m] for r in ok])["median"]
                     for m, _ in METRICS}
        med[name]["n"] = len(ok)
    table = []
    for m, unit in METRICS:
        k, l9 = med["kiln-pc-9pfs"][m], med["linux-pc-9p"][m]
        ratio = k / l9 if l9 == l9 and l9 else float("nan")
        table.append([f"{m} ({unit})", k, l9, med["linux-pc-tmpfs"][m],
                      ratio])
    text = (f"Medians of {n} runs (runs ok: "
            + ", ".join(f"{s} {med[s]['n']}" for s, _ in syst)
            + f"). Each guest writes then reads {mib} MiB sequentially in "
            f"4 KiB then 1 MiB calls, then creates, stats and unlinks "
            f"files for {secs} s, timed by its monotonic clock; msize "
            f"{MSIZE} for both 9p clients; QEMU TCG, -M pc, "
            f"virtio-9p-pci, security_model=none; the share is in the "
            f"host's /tmp. Ratio: Kiln 9pfs / Linux 9p on the same share."
            "\n\n" + common.md_table(
                ["metric", "Kiln 9pfs", "Linux 9p", "Linux tmpfs",
                 "ratio"], table))
    return text
