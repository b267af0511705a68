# The xen platform on a real Xen: Xen 4.17 and a Linux dom0 inside QEMU
# (support/scripts/xen-rig). The rig boots once for the whole group: the
# first test that needs it builds every image and runs every guest with
# xl create; each test then checks its guests' consoles and results
# (OUT/NAME.log, OUT/NAME.result: Xen's shutdown reason, timings).

xen_out() { echo "$KILN_TEST_OUT/xen-$1"; }
xen_rig_dir() { xen_out rig; }

# xen_build NAME APP [SYM=VALUE...]: APP built for xen (kvm off) into
# xen-NAME, once.
xen_build() {
	local name=$1 app=$2
	shift 2
	build_once "$(xen_out "$name")" "$app" PLAT_KVM=n PLAT_LINUXU=n PLAT_XEN=y "$@"
}

# The job list: NAME IMAGE MEMORY_MIB TIMEOUT_S [CMDLINE].
xen_jobs() {
	local hello probe uk big long blk net dir
	dir=$(xen_rig_dir)
	net=$(xen_out netecho)/netecho_xen-x86_64
	blk=$(xen_out blkcheck)/blkcheck_xen-x86_64
	hello=$(xen_out hello)/helloworld_xen-x86_64
	uk=$(xen_out uktest)/helloworld_xen-x86_64
	probe=$(xen_out probe)/platprobe_xen-x86_64
	big=$(xen_out bigstack)/platprobe_xen-x86_64
	long=$(head -c 5000 /dev/zero | tr '\0' x)
	cat <<JOBS
hello $hello 16 30 a 'b c' '' "it's" '"q"' 'x\\y'
kargs $hello 16 30 kernel.arg=1 -- app1
uktest $uk 32 120 after tests
ret7 $probe 16 30 return 7
ret0 $probe 16 30 return 0
segv $probe 16 30 segv
overflow $probe 16 30 overflow
sleep $probe 16 30 sleep 50
badquote $probe 16 30 args 'unterminated
longcmd $probe 16 30 $long
bigstack1 $big 1 30 return 0
bigstack2 $big 4 30 return 0
blkrw $blk 32 120 +disk=$dir.disk-rw check
blkro $blk 32 120 +disk=$dir.disk-ro:ro readonly seed=7
netecho $net 32 120 +net ip=10.11.0.2 count=5 timeout=90
initrd $probe 16 30 +initrd=$dir.initrd regions
JOBS
}

# Build the images and run the rig, once for the group (a stamp marks
# a rig that ran to its end).
xen_rig_once() {
	local dir
	dir=$(xen_rig_dir)
	[ -f "$dir.done" ] && return 0
	[ -f "$dir.failed" ] && { cat "$dir.failed"; return 1; }
	{
		xen_build hello apps/helloworld &&
		xen_build uktest apps/helloworld LIBUKTEST=y LIBUKTEST_ALL=y \
			LIBUKTEST_AUTORUN=y LIBUKSCHED=y LIBUKLOCK=y LIBUKTIME=y \
			LIBXENBUS=y &&
		xen_build probe tests/apps/platprobe &&
		xen_build bigstack tests/apps/platprobe XEN_STACK_SIZE=1048576 &&
		xen_build blkcheck tests/apps/blkcheck LIBXENBUS=y &&
		xen_build netecho tests/apps/netecho LIBXENBUS=y
	} || { echo "building the xen images failed" >"$dir.failed"; return 1; }
	mkdir -p "$dir"
	# Disks: an empty one blkcheck writes; one the host wrote, read-only.
	rm -f "$dir.disk-rw" "$dir.disk-ro" "$dir.initrd"
	head -c 102400 /dev/urandom >"$dir.initrd"
	truncate -s 8M "$dir.disk-rw" "$dir.disk-ro" &&
		"$KILN_ROOT/tests/apps/blkcheck/pattern.py" write "$dir.disk-ro" --seed 7 ||
		{ echo "cannot make the disk images" >"$dir.failed"; return 1; }
	xen_jobs >"$dir.jobs"
	echo "+ support/scripts/xen-rig run $dir $dir.jobs"
	if ! "$KILN_ROOT/support/scripts/xen-rig" run "$dir" "$dir.jobs"; then
		tail -n 40 "$dir/rig.log"
		echo "the rig did not finish (see $dir/rig.log)" >"$dir.failed"
		return 1
	fi
	# A boot where Xen lost a wrap of its platform timer (the host
	# starved QEMU for over 43 s) had its time jump for every guest:
	# that is the rig failing, not the guests. Boot it once more.
	if grep -q 'Platform timer appears to have unexpectedly wrapped' "$dir/rig.log"; then
		echo "Xen's time jumped in this boot (see xen-rig's warning): booting the rig again"
		mv "$dir/rig.log" "$dir/rig-timejump.log"
		"$KILN_ROOT/support/scripts/xen-rig" run "$dir" "$dir.jobs" || {
			echo "the rig did not finish (see $dir/rig.log)" >"$dir.failed"
			return 1
		}
	fi
	touch "$dir.done"
}

# xen_field NAME FIELD: a field of the guest's result line.
xen_field() {
	sed -n "s/.*\\b$2=\\([^ ]*\\).*/\\1/p" "$(xen_rig_dir)/$1.result" 2>/dev/null
}

# xen_status NAME: the exit status on the guest's last console line.
xen_status() {
	sed -n 's/^xen: exit status \([0-9]*\)$/\1/p' "$(xen_rig_dir)/$1.log" | tail -n 1
}

# xen_guest TEST NAME REASON STATUS: the guest ran to its end, with
# this shutdown reason and exit status on its last line.
xen_guest() {
	local t=$1 name=$2
	echo "  > $name: $(cat "$(xen_rig_dir)/$name.result" 2>/dev/null)"
	sed 's/^/  | /' "$(xen_rig_dir)/$name.log" 2>/dev/null | tail -n 30
	check "$t.reason" test "$(xen_field "$name" reason)" = "$3"
	check "$t.status" test "$(xen_status "$name")" = "$4"
	check "$t.last_line" sh -c "tail -n 1 '$(xen_rig_dir)/$name.log' | grep -qx 'xen: exit status $4'"
}

test_xen_image() {
	local img
	xen_build hello apps/helloworld || { fail xen_image "build failed"; return; }
	img=$(xen_out hello)/helloworld_xen-x86_64
	check xen_image.pvh_note sh -c "readelf -nW '$img' | grep -q 'Xen.*0x00000012'"
	check xen_image.elf64 sh -c "readelf -hW '$img' | grep -q 'ELF64'"
	# No kvm code came along: the isa-debug-exit write is kvm's.
	check xen_image.platform sh -c "! nm '$img.dbg' | grep -q ' _kvm_'"
	# Booted by plain QEMU (no Xen): a clear message and status 2.
	run_capture "$(xen_out hello).qemu.txt" "$KILN_ROOT/support/scripts/run" \
		--plat kvm --image "$img" --accel tcg --machine microvm
	check xen_image.not_xen.status test $? -eq 2
	check xen_image.not_xen.message grep -q '^xen: not running on Xen (no Xen CPUID leaves)' "$(xen_out hello).qemu.txt"
}

test_xen_helloworld() {
	local dir
	xen_rig_once || { fail xen_helloworld "the rig did not run"; return; }
	dir=$(xen_rig_dir)
	helloworld_want >"$dir/hello.want"
	echo 'xen: exit status 0' >>"$dir/hello.want"
	xen_guest xen_helloworld hello poweroff 0
	check xen_helloworld.console diff -u "$dir/hello.want" "$dir/hello.log"
	check xen_helloworld.first_line test "$(xen_field hello first_ms)" -ge 0
	xen_guest xen_kernel_args kargs poweroff 0
	check xen_kernel_args.argc grep -qx 'argc=2' "$dir/kargs.log"
	check xen_kernel_args.app grep -qx 'argv\[1\]=app1' "$dir/kargs.log"
}

test_xen_uktest() {
	local dir
	xen_rig_once || { fail xen_uktest "the rig did not run"; return; }
	dir=$(xen_rig_dir)
	uktest_collect "$dir/uktest.log" xen ||
		fail xen_uktest.summary "no uktest summary line: the image stopped early"
	check xen_uktest.passed grep -q 'uktest: summary passed=[0-9]* failed=0' "$dir/uktest.log"
	check xen_uktest.suite_xenplat grep -q 'result suite=xenplat ' "$dir/uktest.log"
	check xen_uktest.suite_xenbus grep -q 'result suite=xenbus ' "$dir/uktest.log"
	xen_guest xen_uktest uktest poweroff 0
}

test_xen_exit_status() {
	xen_rig_once || { fail xen_exit_status "the rig did not run"; return; }
	xen_guest xen_exit_status.seven ret7 crash 7
	xen_guest xen_exit_status.zero ret0 poweroff 0
}

test_xen_crash() {
	local dir
	xen_rig_once || { fail xen_crash "the rig did not run"; return; }
	dir=$(xen_rig_dir)
	xen_guest xen_crash.segv segv crash 127
	check xen_crash.segv.what grep -q '^crash: .*NULL pointer dereference' "$dir/segv.log"
	check xen_crash.segv.registers grep -q ' cr2 0x0000000000000000' "$dir/segv.log"
	check xen_crash.segv.symbolized sh -c "'$KILN_ROOT/support/scripts/symbolize' '$(xen_out probe)/platprobe_xen-x86_64.dbg' <'$dir/segv.log' | grep -q 'rip is in main'"
	xen_guest xen_crash.overflow overflow crash 127
	check xen_crash.overflow.what grep -q 'stack overflow: the fault is in the guard page under the boot stack' "$dir/overflow.log"
}

test_xen_timer() {
	local ns
	xen_rig_once || { fail xen_timer "the rig did not run"; return; }
	xen_guest xen_timer sleep poweroff 0
	ns=$(sed -n 's/^slept_ns=\([0-9]*\) .*/\1/p' "$(xen_rig_dir)/sleep.log")
	check xen_timer.not_early test "${ns:-0}" -ge 50000000
	check xen_timer.not_late test "${ns:-0}" -lt 2000000000
}

test_xen_badinput() {
	local dir
	xen_rig_once || { fail xen_badinput "the rig did not run"; return; }
	dir=$(xen_rig_dir)
	xen_guest xen_badinput.quote badquote crash 2
	check xen_badinput.quote.message grep -q 'malformed command line' "$dir/badquote.log"
	xen_guest xen_badinput.longcmd longcmd crash 2
	check xen_badinput.longcmd.message grep -q 'command line refused: longer than 4095 bytes' "$dir/longcmd.log"
	# An image larger than the guest's memory: xl refuses it, cleanly.
	check xen_badinput.small_mem.reason test "$(xen_field bigstack1 reason)" = failed
	check xen_badinput.small_mem.message grep -q 'kernel too large' "$dir/bigstack1.log"
	# 4 MiB: room for the image whether it is loaded at 64 KiB or 1 MiB.
	xen_guest xen_badinput.enough_mem bigstack2 poweroff 0
}

# blkfront against Linux's blkback in dom0: blkcheck writes its pattern
# over an 8 MiB disk and reads it back (async requests, the interrupt
# path, a flush, refused out-of-range requests); dom0's md5 of the disk
# afterwards must be the md5 of the host's own pattern. A read-only disk
# refuses writes and still holds what the host wrote.
test_xen_blkfront() {
	local dir want
	xen_rig_once || { fail xen_blkfront "the rig did not run"; return; }
	dir=$(xen_rig_dir)
	xen_guest xen_blkfront.rw blkrw poweroff 0
	check xen_blkfront.rw.ok grep -qx 'blkcheck: OK' "$dir/blkrw.log"
	check xen_blkfront.rw.driver grep -q '^blkcheck: disk 0 (blkfront): 16384 sectors of 512 bytes' "$dir/blkrw.log"
	check xen_blkfront.rw.interrupt grep -q 'read completion signalled by the queue callback' "$dir/blkrw.log"
	check xen_blkfront.rw.no_bad grep -q 'errors=0 bad_completions=0' "$dir/blkrw.log"
	truncate -s 8M "$dir.disk-want"
	"$KILN_ROOT/tests/apps/blkcheck/pattern.py" write "$dir.disk-want" --seed 1
	want=$(md5sum <"$dir.disk-want" | cut -d' ' -f1)
	check xen_blkfront.rw.dom0_md5 test "$(xen_field blkrw disk_md5)" = "$want"
	xen_guest xen_blkfront.ro blkro poweroff 0
	check xen_blkfront.ro.refused grep -qx 'blkcheck: writes refused with -EROFS' "$dir/blkro.log"
	check xen_blkfront.ro.ok grep -qx 'blkcheck: OK' "$dir/blkro.log"
	check xen_blkfront.ro.unchanged test "$(xen_field blkro disk_md5)" = "$(md5sum <"$dir.disk-ro" | cut -d' ' -f1)"
}

# netfront against Linux's netback in dom0: netecho answers five pings
# from dom0 over the vif (interrupt mode), then exits.
test_xen_netfront() {
	local dir
	xen_rig_once || { fail xen_netfront "the rig did not run"; return; }
	dir=$(xen_rig_dir)
	xen_guest xen_netfront netecho poweroff 0
	check xen_netfront.driver grep -q '^netecho: ready dev=0 drv=netfront mac=00:16:3e:4b:49:01' "$dir/netecho.log"
	check xen_netfront.pings test "$(xen_field netecho ping)" = 5/5
	check xen_netfront.icmp grep -q 'arp=[1-9][0-9]* icmp=5 ' "$dir/netecho.log"
	check xen_netfront.no_errors grep -q 'rx_errors=0 tx_dropped=0 tx_errors=0' "$dir/netecho.log"
}

# xl's ramdisk= reaches the guest as the PVH start info's first module:
# an initrd region of the file's size.
test_xen_initrd() {
	xen_rig_once || { fail xen_initrd "the rig did not run"; return; }
	xen_guest xen_initrd initrd poweroff 0
	check xen_initrd.region grep -q '^region type=[0-9]* start=0x[0-9a-f]* len=102400 name=initrd$' "$(xen_rig_dir)/initrd.log"
}
