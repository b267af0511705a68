# 9pfs over virtio-9p (kvm, TCG): tests/apps/fs9pcheck on a host folder
# shared with `run --fs`, on -M pc (virtio-9p-pci) and microvm
# (virtio-9p-device). The image also runs lib/9pfs's unit tests at boot
# (the codec, and the client against a fake server's bad replies).
# After the guest's own checks, the host folder is inspected here; a
# share removed while mounted must give errors, not a crash; a missing
# tag fails the mount with a message. (The 9P reply decoder's fuzzer is
# tests/fuzz/9p, run by tests/cases/85-fuzz.sh.)

fs9p_out() { echo "$KILN_TEST_OUT/fs9p-build"; }
fs9p_img() { echo "$(fs9p_out)/fs9pcheck_kvm-x86_64"; }

fs9p_build() {
	build_once "$(fs9p_out)" tests/apps/fs9pcheck LIBUKTEST=y \
		LIBUKTEST_ALL=n LIBUKTEST_AUTORUN=y LIB9PFS_TEST=y
}

# fs9p_run OUTFILE MACHINE FS ARGS...: boot fs9pcheck with --fs FS
# (DIR:/host for the share on /host; 60 s limit: TCG on a loaded
# machine), output to OUTFILE and the log.
fs9p_run() {
	local out=$1 machine=$2 share=$3 rc
	shift 3
	echo "+ run --machine $machine --fs $share -- $*"
	timeout 60 "$KILN_ROOT/support/scripts/run" --plat kvm \
		--image "$(fs9p_img)" --accel tcg --machine "$machine" \
		--mem 128M --fs "$share" -- "$@" >"$out" 2>&1
	rc=$?
	sed 's/^/  > /' "$out"
	echo "  (exit status $rc)"
	return $rc
}

# The host side of what `fs9pcheck check` leaves: see its check.c.
fs9p_inspect() {
	local name=$1 w=$2/work
	check "$name.host_names" test "$(cd "$w" && ls -A | sort | tr '\n' ' ')" = \
		"big.bin dir link mode600 renamed "
	check "$name.host_big" python3 -c '
import sys
data = open(sys.argv[1], "rb").read()
want = bytes(((i * 7 + i // 251 + 3) & 0xff) for i in range(1300 * 1024 + 77))
sys.exit(data != want)' "$w/big.bin"
	check "$name.host_renamed" test "$(cat "$w/renamed")" = 0123456789
	check "$name.host_link" test "$(readlink "$w/link")" = renamed
	check "$name.host_dir" test -d "$w/dir" -a -z "$(ls -A "$w/dir")"
	check "$name.host_mode" test "$(stat -c %a "$w/mode600")" = 600
	check "$name.host_mtime" test "$(stat -c %Y "$w/mode600")" = 1234567890
	check "$name.host_pre_kept" test "$(cat "$2/pre/hello.txt")" = "hello from the host"
}

fs9p_check_test() {
	local machine=$1 name=9pfs_$1${2:+_$2} out share
	fs9p_build || { fail "$name" "build failed"; return; }
	out=$(tbuild)
	share=$out/share
	rm -rf "$share"
	mkdir -p "$share/pre/sub"
	printf 'hello from the host\n' >"$share/pre/hello.txt"
	ln -s hello.txt "$share/pre/hostlink"
	fs9p_run "$out/check.txt" "$machine" "$share:/host" check
	check "$name.status" test $? -eq 0
	check "$name.no_failure" sh -c "! grep -q 'FAIL' '$out/check.txt'"
	check "$name.summary" grep -qx 'fs9pcheck: check: 0 failure(s)' "$out/check.txt"
	check "$name.uktest" grep -q '^uktest: summary passed=[1-9][0-9]* failed=0' "$out/check.txt"
	check "$name.uktest_bad_replies" grep -q 'suite=9pfs case=bad_replies_fail_one_call status=pass' "$out/check.txt"
	fs9p_inspect "$name" "$share"
}

test_9pfs_pc() { fs9p_check_test pc; }
test_9pfs_microvm() { fs9p_check_test microvm; }
# The other PCI paths: INTx instead of MSI-X, and a legacy (0.9.5)
# device (each test runs in a subshell: the export stays there).
test_9pfs_pc_intx() {
	export KILN_FS_OPTS=,vectors=0
	fs9p_check_test pc intx
}
test_9pfs_pc_legacy() {
	export KILN_FS_OPTS=,disable-modern=on
	fs9p_check_test pc legacy
}

# The host folder is removed while the guest has it mounted and a file of
# it open: the guest's calls fail with ENOENT/EIO and it exits normally.
test_9pfs_share_gone() {
	local out share pid i rc
	fs9p_build || { fail 9pfs_share_gone "build failed"; return; }
	out=$(tbuild)
	share=$out/share
	rm -rf "$share"
	mkdir -p "$share"
	echo present >"$share/present"
	fs9p_run "$out/gone.txt" pc "$share:/host" gone &
	pid=$!
	for i in $(seq 1 400); do
		grep -q 'fs9pcheck: ready' "$out/gone.txt" 2>/dev/null && break
		sleep 0.1
	done
	check 9pfs_share_gone.ready grep -q 'fs9pcheck: ready' "$out/gone.txt"
	rm -rf "$share"
	wait "$pid"
	rc=$?
	check 9pfs_share_gone.status test "$rc" -eq 0
	check 9pfs_share_gone.enoent grep -q 'ok the share went away (ENOENT)' "$out/gone.txt"
	check 9pfs_share_gone.summary grep -qx 'fs9pcheck: gone: 0 failure(s)' "$out/gone.txt"
	check 9pfs_share_gone.no_crash sh -c "! grep -qi 'crash\|assert\|backtrace' '$out/gone.txt'"
}

# Bad setups: a share under another tag is no device for fs0 (the boot
# mount fails with a message naming the entry and the boot stops with
# status 2, before the app runs); FS= with a missing folder or a relative
# guest path, or a bad tag, is refused before QEMU starts.
test_9pfs_bad_setup() {
	local out rc
	fs9p_build || { fail 9pfs_bad_setup "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out/share"
	fs9p_run "$out/tag.txt" pc "$out/share:othertag" \
		vfs.mount=fs0:/host:9pfs -- check
	rc=$?
	check 9pfs_bad_setup.tag_status test "$rc" -eq 2
	check 9pfs_bad_setup.tag_message grep -q "9pfs: /host: no 9P device with tag 'fs0'" "$out/tag.txt"
	check 9pfs_bad_setup.tag_entry grep -q 'cannot mount fs0 (9pfs) on /host' "$out/tag.txt"
	check 9pfs_bad_setup.tag_app_not_run sh -c "! grep -q '^fs9pcheck' '$out/tag.txt'"
	"$KILN_ROOT/support/scripts/run" --plat kvm --image "$(fs9p_img)" \
		--fs "$out/missing" >"$out/missing.txt" 2>&1
	check 9pfs_bad_setup.missing_status test $? -eq 2
	check 9pfs_bad_setup.missing_message grep -q 'FS=.*/missing: no such folder' "$out/missing.txt"
	"$KILN_ROOT/support/scripts/run" --plat kvm --image "$(fs9p_img)" \
		--fs "$out/share:a,b" >"$out/badtag.txt" 2>&1
	check 9pfs_bad_setup.badtag_status test $? -eq 2
	check 9pfs_bad_setup.badtag_message grep -q 'a tag is 1-255 printable' "$out/badtag.txt"
	"$KILN_ROOT/support/scripts/run" --plat kvm --image "$(fs9p_img)" \
		--fs "$out/share:fs0:host" >"$out/relpath.txt" 2>&1
	check 9pfs_bad_setup.relpath_status test $? -eq 2
	check 9pfs_bad_setup.relpath_message grep -q 'the guest path must be absolute' "$out/relpath.txt"
	kmake A=apps/helloworld O="$out/hw" run FS="$out/share" >"$out/hw.txt" 2>&1
	check 9pfs_bad_setup.no_driver_status test $? -ne 0
	check 9pfs_bad_setup.no_driver_message grep -q 'has no file system for host folders' "$out/hw.txt"
}

# The lead's file-system test app, when the tree has it, on a 9pfs mount:
# its call-and-errno groups (the thread group waits for vfscore to retry
# an O_CREAT that lost a race to another creator; replay differs where
# QEMU's path-based fids do: ftruncate of an unlinked open file).
test_9pfs_fstest() {
	local out rc
	if ! [ -d "$KILN_ROOT/tests/apps/fstest" ]; then
		skip 9pfs_fstest "tests/apps/fstest is not in this tree"
		return
	fi
	out=$(tbuild)
	mkdir -p "$out"
	build_once "$out/img" tests/apps/fstest PLAT_LINUXU=n LIB9PFS=y \
		LIBUKBUSPCI=y LIBUKVIRTIO=y LIBUKVIRTIO9P=y \
		'LIBVFSCORE_MOUNTS="none:/dev:devfs"' ||
		{ fail 9pfs_fstest "build failed"; return; }
	rm -rf "$out/share"
	mkdir -p "$out/share"
	echo "+ fstest check /host/t files dirs errors regress"
	timeout 300 "$KILN_ROOT/support/scripts/run" --plat kvm \
		--image "$out/img/fstest_kvm-x86_64" --accel tcg --mem 256M \
		--fs "$out/share:/host" -- check /host/t files dirs errors regress \
		>"$out/check.txt" 2>&1
	rc=$?
	sed 's/^/  > /' "$out/check.txt"
	check 9pfs_fstest.status test "$rc" -eq 0
	check 9pfs_fstest.passes grep -q '^fstest: PASS' "$out/check.txt"
	check 9pfs_fstest.no_failure grep -qx 'fstest: 0 failed' "$out/check.txt"
	check 9pfs_fstest.on_host test -d "$out/share/t"
}
