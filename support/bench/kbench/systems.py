# SPDX-License-Identifier: BSD-3-Clause
"""The systems the suite compares, each able to boot once and say how long
it took. A boot counts as a success when the system printed the line
"Hello world!" and exited cleanly within the time limit.

Times, in milliseconds, for one boot:
  total  host clock from launching the process (QEMU, or the linuxu image)
         to reading "Hello world!" on its console;
  guest  the guest's own account of entry-to-main: Kiln's `kiln-boot:` line
         (CONFIG_LIBUKBOOT_TIMESTAMPS), Linux's /proc/uptime read by /init;
  vmm    what remains: total - guest (launching the VMM, firmware, loading
         the image). On linuxu the guest clock is the host's
         CLOCK_MONOTONIC, so vmm is measured directly from entry_ns.
"""

import functools
import os
import re
import select
import shutil
import subprocess
import time

from . import common, linuxguest

HELLO = "Hello world!"
QBOOT = "/usr/share/qemu/qboot.rom"
LAUNCH_CONF = os.path.join(common.KILN_ROOT, "support", "scripts",
                           "qemu-launch.conf")


@functools.cache
def launch_conf():
    """The NAME='value' settings support/scripts/run launches QEMU with."""
    conf = {}
    with open(LAUNCH_CONF) as f:
        for line in f:
            m = re.match(r"^(\w+)='([^']*)'$", line.strip())
            if m:
                conf[m.group(1)] = m.group(2)
    return conf


def qemu_env():
    """The environment of every QEMU the suite starts, Kiln's or not: the
    same glibc settings as support/scripts/run, so that all systems get
    the same VMM start-up (see qemu-launch.conf)."""
    env = dict(os.environ)
    own = env.get("GLIBC_TUNABLES")
    env["GLIBC_TUNABLES"] = launch_conf()["KILN_QEMU_TUNABLES"] + \
        (":" + own if own else "")
    return env


class BootResult:
    def __init__(self, ok, total_ms=float("nan"), guest_ms=float("nan"),
                 vmm_ms=float("nan"), output="", reason=""):
        self.ok = ok
        self.total_ms = total_ms
        self.guest_ms = guest_ms
        self.vmm_ms = vmm_ms
        self.output = output
        self.reason = reason


def _run_until_exit(cmd, timeout, env=None):
    """Run cmd; return (t0, t_hello or None, output, returncode or None)."""
    t0 = time.monotonic_ns()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                         env=env)
    out = b""
    t_hello = None
    deadline = time.monotonic() + timeout
    fd = p.stdout.fileno()
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            p.kill()
            p.wait()
            return t0, t_hello, out.decode(errors="replace"), None
        r, _, _ = select.select([fd], [], [], left)
        if not r:
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        out += chunk
        if t_hello is None and HELLO.encode() in out:
            t_hello = time.monotonic_ns()
    rc = p.wait()
    return t0, t_hello, out.decode(errors="replace"), rc


def qemu_cmd(machine, mem_mib, kernel, initrd=None, append=None, extra=(),
             machine_opts=""):
    """The QEMU command line every QEMU-booted system shares, so that Kiln
    and Linux guests are measured with the same options (TCG here: see
    support/scripts/run for when KVM is used). @machine_opts are added to
    -M: the options a system's own launcher uses (Kiln's: those of
    qemu-launch.conf). Start it with qemu_env()."""
    cmd = ["qemu-system-x86_64", "-accel", "tcg", "-cpu", "max",
           "-m", f"{mem_mib}M" if isinstance(mem_mib, int) else mem_mib,
           "-display", "none", "-nodefaults", "-no-user-config",
           "-serial", "stdio", "-monitor", "none", "-no-reboot"]
    if machine.startswith("pc"):
        cmd += ["-M", "pc" + machine_opts]
        if os.path.exists(QBOOT):
            cmd += ["-bios", QBOOT]
    elif machine == "microvm":
        cmd += ["-M", "microvm" + machine_opts]
    else:
        raise ValueError(f"unknown machine {machine}")
    if machine == "pc-nic":
        cmd += ["-netdev", "user,id=n0,restrict=on",
                "-device", "virtio-net-pci,netdev=n0"]
    cmd += ["-kernel", kernel]
    if initrd:
        cmd += ["-initrd", initrd]
    if append:
        cmd += ["-append", append]
    return cmd + list(extra)


class System:
    """One column of the tables: a name, a way to prepare, a way to boot."""
    name = "?"
    kind = "?"          # "kiln", "linux" or "peer"
    machine = "?"       # "linuxu", "pc", "pc-nic", "microvm"
    mem_unit = "MiB"    # what boot(mem=) counts in
    default_mem = 128
    # A minmem probe that has not printed by then failed: firmware given
    # too little RAM spins rather than stops.
    minmem_timeout = 60

    def prepare(self, workdir):
        pass

    def boot(self, mem=None, timeout=60):
        raise NotImplementedError


class KilnLinuxu(System):
    kind = "kiln"
    machine = "linuxu"
    mem_unit = "KiB"
    default_mem = 16 * 1024
    minmem_timeout = 10

    def __init__(self, app="apps/helloworld"):
        self.app = app
        self.name = f"kiln-{os.path.basename(app)}-linuxu"
        self.image = None

    def prepare(self, workdir):
        self.image = build_kiln_image(self.app, "linuxu", workdir)

    def boot(self, mem=None, timeout=30):
        cmd = [self.image]
        if mem is not None:
            cmd += ["-m", f"{mem}K"]
        t0, th, out, rc = _run_until_exit(cmd, timeout)
        return kiln_result(t0, th, out, rc, host_clock=True)


class KilnQemu(System):
    """A Kiln kvm image on a QEMU machine."""
    kind = "kiln"
    mem_unit = "KiB"
    default_mem = 64 * 1024
    minmem_timeout = 10

    def __init__(self, machine, app="apps/helloworld"):
        self.app = app
        self.machine = machine
        self.name = f"kiln-{os.path.basename(app)}-{machine}"
        self.image = None

    def prepare(self, workdir):
        self.image = build_kiln_image(self.app, "kvm", workdir)

    def boot(self, mem=None, timeout=60):
        mem = self.default_mem if mem is None else mem
        t0, th, out, rc = boot_like_run(self.machine, mem, self.image,
                                        timeout)
        return kiln_result(t0, th, out, rc, host_clock=False)


def boot_like_run(machine, mem_kib, image, timeout):
    """Boot @image as support/scripts/run boots a kvm image: pc without the
    devices Kiln does not use (qemu-launch.conf); microvm keeps ACPI (its
    virtio-mmio lines move without it) and has one IOAPIC. Returns
    _run_until_exit()'s tuple with the guest's status in place of QEMU's
    exit code: isa-debug-exit reports status s as (s << 1) | 1, and 0 is
    a reset without a status (a triple fault), given as -1."""
    cmd = qemu_cmd(machine, f"{mem_kib}K", image,
                   extra=["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"],
                   machine_opts=("," + launch_conf()["KILN_QEMU_PC_OPTS"]
                                 if machine.startswith("pc")
                                 else ",ioapic2=off"))
    t0, th, out, rc = _run_until_exit(cmd, timeout, qemu_env())
    if rc is not None:
        rc = rc >> 1 if rc & 1 else -1
    return t0, th, out, rc


class QemuFloor(System):
    """support/bench/tools/floor.S: a kernel that only prints and exits,
    booted exactly as Kiln's kvm images are. Its time is what QEMU and the
    firmware cost on this machine before any kernel work."""
    kind = "floor"
    mem_unit = "KiB"
    default_mem = 64 * 1024
    # It prints within 0.1 s when it runs at all (5 s leaves room for a
    # loaded host); below the firmware's minimum QEMU spins until then.
    minmem_timeout = 5

    def __init__(self, machine):
        self.machine = machine
        self.name = f"floor-{machine}"
        self.image = None

    def prepare(self, workdir):
        self.image = build_floor(workdir)

    def boot(self, mem=None, timeout=60):
        mem = self.default_mem if mem is None else mem
        t0, th, out, rc = boot_like_run(self.machine, mem, self.image,
                                        timeout)
        if rc is None:
            return BootResult(False, output=out, reason="timeout")
        if th is None:
            return BootResult(False, output=out, reason="no hello line")
        return BootResult(rc == 0, (th - t0) / 1e6, output=out,
                          reason="" if rc == 0 else f"exit status {rc}")


@functools.cache
def build_floor(workdir):
    src = os.path.join(common.KILN_ROOT, "support", "bench", "tools",
                       "floor.S")
    obj = os.path.join(workdir, "floor.o")
    elf = os.path.join(workdir, "floor.elf")
    log = os.path.join(workdir, "build-floor.log")
    with open(log, "w") as f:
        for cmd in (["gcc", "-m32", "-c", src, "-o", obj],
                    # At 64 KiB like Kiln's images: its minimum memory
                    # is then the firmware's.
                    ["ld", "-m", "elf_i386", "-Ttext=0x10000",
                     "-e", "floor_start", "-o", elf, obj]):
            if subprocess.run(cmd, stdout=f, stderr=f).returncode != 0:
                common.die(f"building the floor kernel failed: see {log}")
    return elf


class LinuxGuest(System):
    kind = "linux"
    mem_unit = "MiB"
    default_mem = 128

    def __init__(self, machine="pc"):
        self.machine = machine
        self.name = f"linux-{machine}"
        self.kernel = self.initrd = None

    def prepare(self, workdir):
        self.kernel, self.initrd = linuxguest.prepare()

    def boot(self, mem=None, timeout=120):
        mem = self.default_mem if mem is None else mem
        append = "console=ttyS0 quiet panic=-1"
        cmd = qemu_cmd(self.machine, mem, self.kernel, self.initrd, append)
        t0, th, out, rc = _run_until_exit(cmd, timeout, qemu_env())
        if rc is None:
            return BootResult(False, output=out, reason="timeout")
        if th is None:
            return BootResult(False, output=out, reason="no hello line")
        total = (th - t0) / 1e6
        m = re.search(r"linux-boot: uptime=([0-9.]+)", out)
        guest = float(m.group(1)) * 1000 if m else float("nan")
        return BootResult(rc == 0, total, guest, total - guest, out,
                          "" if rc == 0 else f"qemu exit {rc}")


class Peer(System):
    """A peer unikernel image given as a file (PEER=path), booted on
    `-M pc` the same way as Kiln's kvm images; only total time is known."""
    kind = "peer"
    machine = "pc"

    def __init__(self, path):
        self.path = os.path.abspath(path)
        self.name = "peer-" + os.path.basename(path)

    def prepare(self, workdir):
        if not os.path.isfile(self.path):
            common.die(f"PEER={self.path}: no such file")

    def boot(self, mem=None, timeout=60):
        mem = self.default_mem if mem is None else mem
        cmd = qemu_cmd("pc", mem, self.path)
        t0, th, out, rc = _run_until_exit(cmd, timeout, qemu_env())
        if th is None:
            return BootResult(False, output=out, reason="no hello line")
        return BootResult(rc is not None, (th - t0) / 1e6, output=out)


def kiln_result(t0, t_hello, out, status, host_clock):
    if status is None:
        return BootResult(False, output=out, reason="timeout")
    if t_hello is None:
        return BootResult(False, output=out, reason="no hello line")
    total = (t_hello - t0) / 1e6
    m = re.search(r"kiln-boot: entry_ns=(\d+) main_ns=(\d+) boot_ns=(\d+)",
                  out)
    if not m:
        return BootResult(False, total, output=out,
                          reason="no kiln-boot line (timestamps off?)")
    guest = int(m.group(3)) / 1e6
    if host_clock:
        vmm = (int(m.group(1)) - t0) / 1e6
    else:
        vmm = total - guest
    ok = status == 0
    return BootResult(ok, total, guest, vmm, out,
                      "" if ok else f"exit status {status}")


@functools.cache
def build_kiln_image(app, plat, workdir):
    """Build @app for @plat with boot timestamps on, in workdir/images.
    Once per run: every system of a platform (pc, pc-nic, microvm) and
    every bench (boot, minmem) boots the same image."""
    name = os.path.basename(app.rstrip("/"))
    return common.build_kiln(
        app, os.path.join(workdir, "images", plat), [plat],
        ["CONFIG_LIBUKBOOT_TIMESTAMPS=y"],
        os.path.join(workdir, f"build-{name}-{plat}.log"),
        f"{app} for {plat}")[plat]


def kiln_pairs(systems, kind):
    """(kiln, other) systems that run on the same machine, the other of
    @kind ("linux", "floor"): the pairs the comparison tables show."""
    return [(k, o) for k in systems if k.kind == "kiln"
            for o in systems if o.kind == kind and o.machine == k.machine]


def have_platform(plat):
    return os.path.isfile(os.path.join(common.KILN_ROOT, "plat", plat,
                                       "Config.uk"))


def default_systems(peer=None):
    """Every system this tree and machine can boot, Kiln first."""
    systems = [KilnLinuxu()]
    if have_platform("kvm"):
        systems += [KilnQemu("pc"), KilnQemu("pc-nic"), KilnQemu("microvm")]
        systems += [QemuFloor("pc"), QemuFloor("microvm")]
    if shutil.which("qemu-system-x86_64"):
        # Not on microvm: under TCG, Debian's kernel finds no reference
        # clock there (no PIT/HPET/PM timer to calibrate the TSC against)
        # and hangs after "Marking TSC unstable" (QEMU 7.2, Linux 6.1).
        systems += [LinuxGuest("pc")]
    if peer:
        systems.append(Peer(peer))
    return systems
