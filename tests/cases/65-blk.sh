# Block devices: lib/ukblkdev's unit tests, and tests/apps/blkcheck on a
# temporary disk image per platform, with the image's bytes checked on
# the host by tests/apps/blkcheck/pattern.py (an implementation of the
# pattern independent of the guest's).

blk_out() { echo "$KILN_TEST_OUT/blk-build"; }
blk_pattern_py() { echo "$KILN_ROOT/tests/apps/blkcheck/pattern.py"; }

# Build blkcheck once for every test here (both platforms).
blk_build() { build_once "$(blk_out)" tests/apps/blkcheck; }

# blk_run OUTFILE PLAT MACHINE DISK [ARGS...]: boot blkcheck on DISK.
blk_run() {
	local out=$1 plat=$2 machine=$3 disk=$4
	shift 4
	if [ "$plat" = linuxu ]; then
		run_capture "$out" "$KILN_ROOT/support/scripts/run" --plat linuxu \
			--image "$(blk_out)/blkcheck_linuxu-x86_64" --disk "$disk" -- "$@"
	else
		run_capture "$out" "$KILN_ROOT/support/scripts/run" --plat kvm \
			--image "$(blk_out)/blkcheck_kvm-x86_64" --accel tcg \
			--machine "$machine" --disk "$disk" -- "$@"
	fi
}

# blk_pattern_test PLAT [MACHINE]: on an 8 MiB image created here,
#  1. blkcheck writes the pattern over the whole disk (one transfer larger
#     than the queue holds), verifies it, runs asynchronous requests, a
#     flush and out-of-range requests; the host then checks every byte;
#  2. the host writes a pattern with another seed, the guest verifies it,
#     then finds a sector the host corrupted and names it;
#  3. attached read-only, writes are refused with -EROFS and the file's
#     bytes do not change.
blk_pattern_test() {
	local plat=$1 machine=${2:-pc} name out img rc sum
	name=blk_$plat
	[ "$plat" = kvm ] && name=blk_${plat}_$machine
	blk_build || { fail "$name" "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	img=$out/disk.img
	rm -f "$img"
	truncate -s 8M "$img"

	blk_run "$out/check.txt" "$plat" "$machine" "$img" check
	rc=$?
	check "$name.check_status" test "$rc" -eq 0
	check "$name.check_ok" grep -qx 'blkcheck: OK' "$out/check.txt"
	check "$name.geometry" grep -q '^blkcheck: disk 0 (.*): 16384 sectors of 512 bytes' "$out/check.txt"
	check "$name.larger_than_queue" grep -q '^blkcheck: queue holds [0-9]* requests .*; one transfer of 16384 sectors exceeds it$' "$out/check.txt"
	check "$name.async" grep -q '^blkcheck: async: 8 writes and 8 reads of 8 sectors, up to [2-8] in flight' "$out/check.txt"
	check "$name.flush" grep -qx 'blkcheck: flush done' "$out/check.txt"
	if [ "$plat" = linuxu ]; then
		check "$name.polling" grep -qx 'blkcheck: interrupt: none, polling only' "$out/check.txt"
	else
		check "$name.interrupt" grep -qx 'blkcheck: interrupt: read completion signalled by the queue callback' "$out/check.txt"
	fi
	check "$name.out_of_range" grep -q '^blkcheck: out-of-range requests refused with -EINVAL, nothing written$' "$out/check.txt"
	check "$name.size_unchanged" test "$(stat -c %s "$img")" -eq 8388608
	check "$name.host_verify" "$(blk_pattern_py)" check "$img" --seed 1

	# The other direction: the host writes, the guest reads.
	"$(blk_pattern_py)" write "$img" --seed 7
	blk_run "$out/verify.txt" "$plat" "$machine" "$img" verify-only seed=7
	check "$name.verify_only" test $? -eq 0
	check "$name.verify_only_ok" grep -qx 'blkcheck: OK' "$out/verify.txt"
	# One flipped byte in sector 5000: the guest names that sector.
	printf '\377' | dd of="$img" bs=1 seek=$((5000 * 512 + 100)) conv=notrunc status=none
	blk_run "$out/corrupt.txt" "$plat" "$machine" "$img" verify-only seed=7
	check "$name.corrupt_status" test $? -eq 1
	check "$name.corrupt_names_sector" grep -q '^blkcheck: FAIL: sector 5000 does not hold the pattern' "$out/corrupt.txt"

	# Read-only: refused writes, and not one byte of the file changes.
	sum=$(sha256sum <"$img")
	blk_run "$out/ro.txt" "$plat" "$machine" "$img:ro" readonly seed=7 count=4096
	check "$name.readonly_status" test $? -eq 0
	check "$name.readonly_erofs" grep -qx 'blkcheck: writes refused with -EROFS' "$out/ro.txt"
	check "$name.readonly_unchanged" test "$(sha256sum <"$img")" = "$sum"
	# A read-write mode on a read-only disk fails cleanly.
	blk_run "$out/ro-check.txt" "$plat" "$machine" "$img:ro" check
	check "$name.readonly_check_refused" test $? -eq 1
	check "$name.readonly_check_unchanged" test "$(sha256sum <"$img")" = "$sum"
	rm -f "$img"
}

test_blk_linuxu() { blk_pattern_test linuxu; }
test_blk_kvm_pc() { blk_pattern_test kvm pc; }
test_blk_kvm_microvm() { blk_pattern_test kvm microvm; }

# virtio-blk-pci as a legacy (transitional) device, with INTx instead of
# MSI-X, with 4 KiB logical sectors (blkcheck's pattern is per 512
# bytes whatever the sector size, so the host check is the same), and
# on a CPU without a local APIC (no MSI: INTx through the PICs, the line
# made level-triggered in the ELCR).
test_blk_kvm_variants() {
	local out img v opts name cpu
	blk_build || { fail blk_kvm_variants "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	img=$out/disk.img
	for v in legacy:disable-modern=on intx:vectors=0 \
		4k:logical_block_size=4096,physical_block_size=4096 \
		nolapic:; do
		name=blk_kvm_${v%%:*} opts=${v#*:} cpu=max
		[ "$name" = blk_kvm_nolapic ] && cpu=max,-apic
		rm -f "$img"
		truncate -s 8M "$img"
		KILN_QEMU_EXTRA="-cpu $cpu -drive file=$img,if=none,id=d1,format=raw -device virtio-blk-pci,drive=d1${opts:+,$opts}" \
			run_capture "$out/$name.txt" "$KILN_ROOT/support/scripts/run" \
			--plat kvm --image "$(blk_out)/blkcheck_kvm-x86_64" --accel tcg -- check
		check "$name.status" test $? -eq 0
		check "$name.ok" grep -qx 'blkcheck: OK' "$out/$name.txt"
		check "$name.interrupt" grep -qx 'blkcheck: interrupt: read completion signalled by the queue callback' "$out/$name.txt"
		check "$name.host_verify" "$(blk_pattern_py)" check "$img" --seed 1
	done
	check blk_kvm_4k.geometry grep -q '^blkcheck: disk 0 (virtio-blk): 2048 sectors of 4096 bytes' "$out/blk_kvm_4k.txt"
	rm -f "$img"
}

# Disks that cannot be used stop the boot with the file's name and the
# host's errno, exit status 2, no crash report.
test_blk_linuxu_bad_disk() {
	local out img
	blk_build || { fail blk_linuxu_bad_disk "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	img=$(blk_out)/blkcheck_linuxu-x86_64
	run_capture "$out/missing.txt" "$img" -d "$out/no-such.img" check
	check blk_bad_disk.missing_status test $? -eq 2
	check blk_bad_disk.missing_message grep -q "fileblk: -d $out/no-such.img: cannot open: No such file or directory (errno 2)" "$out/missing.txt"
	check blk_bad_disk.no_crash sh -c "! grep -qi 'backtrace\|crash\|rip' '$out/missing.txt'"
	truncate -s 1000 "$out/odd.img"
	run_capture "$out/odd.txt" "$img" -d "$out/odd.img" check
	check blk_bad_disk.odd_status test $? -eq 2
	check blk_bad_disk.odd_message grep -q "odd.img: size 1000 is not a multiple of 512 bytes" "$out/odd.txt"
	check blk_bad_disk.odd_unchanged test "$(stat -c %s "$out/odd.img")" -eq 1000
	run_capture "$out/dir.txt" "$img" -d "$out" check
	check blk_bad_disk.dir_status test $? -eq 2
	check blk_bad_disk.dir_message grep -q "cannot open: Is a directory" "$out/dir.txt"
	# No disk at all: the app says so.
	run_capture "$out/none.txt" "$img" check
	check blk_bad_disk.none_status test $? -eq 2
	check blk_bad_disk.none_message grep -q 'blkcheck: no block device' "$out/none.txt"
	# The run script refuses a missing DISK before booting anything.
	run_capture "$out/run.txt" "$KILN_ROOT/support/scripts/run" --plat linuxu \
		--image "$img" --disk "$out/no-such.img"
	check blk_bad_disk.run_script test $? -eq 2
	check blk_bad_disk.run_message grep -q 'DISK=.*no-such.img: no such file' "$out/run.txt"
}

# blk_uktest_only LOG: the ukblkdev and ukvirtioblk lines of a uktest log
# (the other suites are counted by 30-uktest.sh).
blk_uktest_only() {
	grep 'suite=ukblkdev \|suite=ukvirtioblk \|uktest: summary' "$1" >"$1.blk"
}

# lib/ukblkdev's uktest cases (with uksched, so the synchronous helper
# yields) on linuxu and kvm, and virtio-blk's against a fake device (kvm).
test_blk_uktest() {
	local out rc
	out=$(tbuild)
	build_app apps/helloworld "$out" LIBUKBLKDEV=y LIBUKTEST=y \
		LIBUKTEST_ALL=y LIBUKTEST_AUTORUN=y LIBUKSCHED=y \
		LIBUKBUSPCI=y LIBUKVIRTIO=y ||
		{ fail blk_uktest "build failed"; return; }
	run_capture "$out/run.txt" "$out/helloworld_linuxu-x86_64"
	rc=$?
	blk_uktest_only "$out/run.txt"
	uktest_collect "$out/run.txt.blk" blk-linuxu || fail blk_uktest.summary "no uktest summary line"
	check blk_uktest.status test "$rc" -eq 0
	check blk_uktest.suite grep -q 'result suite=ukblkdev case=sync_io_splits status=pass' "$out/run.txt"
	run_capture "$out/run-kvm.txt" "$KILN_ROOT/support/scripts/run" --plat kvm \
		--image "$out/helloworld_kvm-x86_64" --accel tcg
	rc=$?
	blk_uktest_only "$out/run-kvm.txt"
	uktest_collect "$out/run-kvm.txt.blk" blk-kvm || fail blk_uktest_kvm.summary "no uktest summary line"
	check blk_uktest_kvm.status test "$rc" -eq 0
	check blk_uktest_kvm.virtio_blk grep -q 'result suite=ukvirtioblk case=bad_completions status=pass' "$out/run-kvm.txt"
}
