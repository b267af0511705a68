# SPDX-License-Identifier: BSD-3-Clause
"""The Linux reference guest: Debian's cloud kernel and a busybox-static
initramfs whose /init prints the kernel's uptime (the guest's own boot
time), "Hello world!", and powers off. Both packages are downloaded with
apt-get (never committed) into a cache outside the tree:
$KILN_CACHE, else ~/.cache/kiln.
"""

import glob
import os
import shutil
import subprocess
import tempfile
import zlib

from . import common

KERNEL_PKG = "linux-image-cloud-amd64"
BUSYBOX_PKG = "busybox-static"

INIT = """#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
read up idle < /proc/uptime
/bin/busybox echo "linux-boot: uptime=$up"
/bin/busybox echo "Hello world!"
/bin/busybox poweroff -f
"""


def cache_dir():
    d = os.environ.get("KILN_CACHE") or os.path.expanduser("~/.cache/kiln")
    d = os.path.join(d, "linux-guest")
    os.makedirs(d, exist_ok=True)
    return d


def _run(cmd, cwd):
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        common.die(f"{' '.join(cmd)} failed: {r.stderr.strip()}")
    return r.stdout


def _download(pkg, cwd):
    """apt-get download the package (resolving a metapackage to the
    versioned one it depends on); returns the .deb path."""
    name = pkg
    if pkg == KERNEL_PKG:
        deps = _run(["apt-cache", "depends", pkg], cwd)
        for line in deps.splitlines():
            line = line.strip()
            if line.startswith("Depends: linux-image-"):
                name = line.split()[1]
                break
    debs = glob.glob(os.path.join(cwd, f"{name}_*.deb"))
    if not debs:
        _run(["apt-get", "download", "-qq", name], cwd)
        debs = glob.glob(os.path.join(cwd, f"{name}_*.deb"))
    if not debs:
        common.die(f"apt-get download {name} produced no .deb: "
                   "run apt-get update, or check the Debian mirror")
    return sorted(debs)[-1]


def prepare():
    """Return (kernel, initrd) paths, building them once."""
    d = cache_dir()
    kernel = os.path.join(d, "vmlinuz")
    # Named after a digest of /init, so a changed script rebuilds it.
    initrd = os.path.join(d, f"initrd-{zlib.crc32(INIT.encode()):08x}.gz")
    if os.path.exists(kernel) and os.path.exists(initrd):
        return kernel, initrd
    for tool in ("apt-get", "dpkg-deb", "cpio", "gzip"):
        if not shutil.which(tool):
            common.die(f"{tool} is missing: run support/scripts/deps bench")
    common.progress("linux guest: downloading the kernel and busybox")
    kdeb = _download(KERNEL_PKG, d)
    bdeb = _download(BUSYBOX_PKG, d)
    with tempfile.TemporaryDirectory(dir=d) as t:
        _run(["dpkg-deb", "-x", kdeb, "k"], t)
        _run(["dpkg-deb", "-x", bdeb, "b"], t)
        vmlinuz = glob.glob(os.path.join(t, "k", "boot", "vmlinuz-*"))
        if not vmlinuz:
            common.die(f"{kdeb} holds no /boot/vmlinuz-*")
        root = os.path.join(t, "root")
        os.makedirs(os.path.join(root, "bin"))
        for sub in ("dev", "proc", "sys"):
            os.makedirs(os.path.join(root, sub))
        shutil.copy(os.path.join(t, "b", "bin", "busybox"),
                    os.path.join(root, "bin", "busybox"))
        with open(os.path.join(root, "init"), "w") as f:
            f.write(INIT)
        os.chmod(os.path.join(root, "init"), 0o755)
        files = _run(["find", "."], root)
        cpio = subprocess.run(["cpio", "-o", "-H", "newc", "--quiet"],
                              cwd=root, input=files.encode(),
                              capture_output=True)
        if cpio.returncode != 0:
            common.die("cpio failed: " + cpio.stderr.decode())
        gz = subprocess.run(["gzip", "-1"], input=cpio.stdout,
                            capture_output=True)
        with open(initrd + ".tmp", "wb") as f:
            f.write(gz.stdout)
        shutil.copy(vmlinuz[0], kernel + ".tmp")
    os.replace(kernel + ".tmp", kernel)
    os.replace(initrd + ".tmp", initrd)
    common.progress_done()
    return kernel, initrd


def custom_initrd(tag, init, files):
    """An initrd like prepare()'s but with the /init script @init and the
    extra files @files ({path in the guest: host path}), for benches that
    run a program in the Linux guest. Cached under a name made of @tag
    and a digest of the script and the files' contents. Returns the
    (kernel, initrd) paths."""
    kernel, _ = prepare()
    d = cache_dir()
    digest = zlib.crc32(init.encode())
    for dest in sorted(files):
        with open(files[dest], "rb") as f:
            digest = zlib.crc32(dest.encode() + f.read(), digest)
    initrd = os.path.join(d, f"initrd-{tag}-{digest:08x}.gz")
    if os.path.exists(initrd):
        return kernel, initrd
    bdeb = _download(BUSYBOX_PKG, d)
    with tempfile.TemporaryDirectory(dir=d) as t:
        _run(["dpkg-deb", "-x", bdeb, "b"], t)
        root = os.path.join(t, "root")
        os.makedirs(os.path.join(root, "bin"))
        for sub in ("dev", "proc", "sys", "mnt"):
            os.makedirs(os.path.join(root, sub))
        shutil.copy(os.path.join(t, "b", "bin", "busybox"),
                    os.path.join(root, "bin", "busybox"))
        for dest, src in files.items():
            path = os.path.join(root, dest.lstrip("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            shutil.copy(src, path)
            os.chmod(path, 0o755)
        with open(os.path.join(root, "init"), "w") as f:
            f.write(init)
        os.chmod(os.path.join(root, "init"), 0o755)
        listing = _run(["find", "."], root)
        cpio = subprocess.run(["cpio", "-o", "-H", "newc", "--quiet"],
                              cwd=root, input=listing.encode(),
                              capture_output=True)
        if cpio.returncode != 0:
            common.die("cpio failed: " + cpio.stderr.decode())
        gz = subprocess.run(["gzip", "-1"], input=cpio.stdout,
                            capture_output=True)
        with open(initrd + ".tmp", "wb") as f:
            f.write(gz.stdout)
    os.replace(initrd + ".tmp", initrd)
    return kernel, initrd
