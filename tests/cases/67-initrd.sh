# The initrd (lib/ukcpio) and linuxu's host folders (drivers/linuxu/
# hostfs), through tests/apps/fstree: a folder of files, folders,
# symbolic and hard links with their own modes and times is packed by
# the run script, unpacked by the guest into its ramfs root and dumped;
# tests/apps/fstree/expect.py computes the same dump on the host. Bad
# archives stop the boot with status 2, naming the entry and offset.

initrd_out() { echo "$KILN_TEST_OUT/initrd-build"; }
initrd_img() { echo "$(initrd_out)/fstree_$1-x86_64"; }
initrd_build() { build_once "$(initrd_out)" tests/apps/fstree; }

# initrd_tree DIR: the folder the tests pack (fixed modes and times).
initrd_tree() {
	local d=$1
	rm -rf "$d"
	mkdir -p "$d/etc/sub" "$d/empty" "$d/bin" || return 1
	echo "hello from the initrd" >"$d/etc/hello.txt"
	head -c 70000 /dev/urandom >"$d/etc/sub/big.bin"
	printf '#!/bin/sh\necho hi\n' >"$d/bin/tool"
	: >"$d/etc/empty-file"
	ln -s hello.txt "$d/etc/link"
	ln -s /etc/sub/big.bin "$d/abs-link"
	ln -s ../etc "$d/bin/etc-up"
	ln "$d/etc/hello.txt" "$d/hard"
	chmod 640 "$d/etc/hello.txt"
	chmod 751 "$d/bin/tool"
	chmod 700 "$d/empty"
	chmod 1777 "$d/etc/sub"
	chmod 600 "$d/etc/empty-file"
	find "$d" -exec touch -h -d '2024-02-29 12:34:56' {} +
	touch -d '2021-06-01 08:00:00' "$d/etc/sub/big.bin" "$d/etc"
}

# initrd_check NAME PLAT MACHINE INITRD: boot fstree with INITRD (a folder
# or an archive of $(tbuild)/tree), dump / and compare with the host's.
initrd_check() {
	local name=$1 plat=$2 machine=$3 initrd=$4 out rc
	out=$(tbuild)
	if [ "$plat" = linuxu ]; then
		run_capture "$out/$name.txt" "$KILN_ROOT/support/scripts/run" \
			--plat linuxu --image "$(initrd_img linuxu)" \
			--initrd "$initrd" -- dump /
	else
		run_capture "$out/$name.txt" timeout 60 \
			"$KILN_ROOT/support/scripts/run" --plat kvm \
			--image "$(initrd_img kvm)" --accel tcg \
			--machine "$machine" --initrd "$initrd" -- dump /
	fi
	rc=$?
	check "$name.status" test "$rc" -eq 0
	# devfs' /dev is not the initrd's.
	grep -v '^dev[/ ]\|^kiln: ' "$out/$name.txt" | grep -v '^INFO:' >"$out/$name.got"
	"$KILN_ROOT/tests/apps/fstree/expect.py" "$out/tree" >"$out/$name.want"
	check "$name.tree" diff -u "$out/$name.want" "$out/$name.got"
}

test_initrd_linuxu() {
	local out
	initrd_build || { fail initrd_linuxu "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	initrd_tree "$out/tree" || { fail initrd_linuxu "cannot make the tree"; return; }
	initrd_check initrd_linuxu_dir linuxu pc "$out/tree"
	# An archive made by cpio itself, crc format, works the same.
	(cd "$out/tree" && find . | cpio -o -H crc --quiet) >"$out/tree.cpio"
	initrd_check initrd_linuxu_crc linuxu pc "$out/tree.cpio"
	# make run INITRD=folder (the run script packs it).
	run_capture "$out/make-run.txt" make -C "$KILN_ROOT" A=tests/apps/fstree \
		O="$(initrd_out)" PLAT=linuxu INITRD="$out/tree" \
		ARGS="cat /etc/hello.txt" run
	check initrd_linuxu.make_run grep -qx 'hello from the initrd' "$out/make-run.txt"
	check initrd_linuxu.no_tmp_left test -z "$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'kiln-initrd.*' -newer "$out/tree.cpio" 2>/dev/null)"
}

test_initrd_kvm() {
	local out m
	initrd_build || { fail initrd_kvm "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	initrd_tree "$out/tree" || { fail initrd_kvm "cannot make the tree"; return; }
	# Small: a multiboot module right after the image.
	initrd_check initrd_kvm_pc kvm pc "$out/tree"
	# Past 640 KiB: the run script boots through PVH, which puts the
	# module at the top of RAM.
	mkdir -p "$out/tree/big"
	head -c 1500000 /dev/urandom >"$out/tree/big/blob"
	initrd_check initrd_kvm_microvm kvm microvm "$out/tree"
	initrd_check initrd_kvm_pc_pvh kvm pc "$out/tree"
}

# bad_expect NAME LOG ENTRY OFFSET REASON: status 2 and one line naming it.
initrd_bad_expect() {
	local name=$1 log=$2 rc=$3 entry=$4 off=$5 why=$6 pat
	check "$name.status" test "$rc" -eq 2
	if [ "$entry" = - ]; then
		pat="initrd: entry [0-9]* (name unreadable) at offset $off: $why"
	else
		pat="initrd: entry [0-9]* '$entry[^']*' at offset $off: $why"
	fi
	check "$name.message" grep -q "$pat" "$log"
	check "$name.no_crash" test "$(grep -c 'crash\|CRIT: backtrace' "$log")" -eq 0
	check "$name.no_main" test "$(grep -c '^fstree' "$log")" -eq 0
}

test_initrd_bad() {
	local out name entry off why rc
	initrd_build || { fail initrd_bad "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	"$KILN_ROOT/tests/apps/fstree/badcpio.py" "$out" >"$out/cases" ||
		{ fail initrd_bad "badcpio.py failed"; return; }
	while read -r name entry off why; do
		run_capture "$out/$name.txt" "$KILN_ROOT/support/scripts/run" \
			--plat linuxu --image "$(initrd_img linuxu)" \
			--initrd "$out/$name.cpio" -- dump /
		rc=$?
		initrd_bad_expect "initrd_bad_$name" "$out/$name.txt" "$rc" \
			"$entry" "$off" "$why"
	done <"$out/cases"
	# The same refusal on kvm (one case per machine: the code is shared).
	for name in truncated dotdot; do
		grep "^$name " "$out/cases" | {
			read -r _ entry off why
			run_capture "$out/kvm-$name.txt" timeout 60 \
				"$KILN_ROOT/support/scripts/run" --plat kvm \
				--image "$(initrd_img kvm)" --accel tcg \
				--machine "$([ "$name" = dotdot ] && echo microvm || echo pc)" \
				--initrd "$out/$name.cpio" -- dump /
			initrd_bad_expect "initrd_bad_kvm_$name" \
				"$out/kvm-$name.txt" $? "$entry" "$off" "$why"
		}
	done
	# A missing initrd file is the run script's error.
	run_capture "$out/missing.txt" "$KILN_ROOT/support/scripts/run" \
		--plat linuxu --image "$(initrd_img linuxu)" \
		--initrd "$out/nonexistent" -- dump /
	check initrd_bad_missing.status test $? -eq 2
	check initrd_bad_missing.message grep -q 'no such file or folder' "$out/missing.txt"
}

# CONFIG_LIBUKCPIO_EMBED: a folder linked into the image, unpacked first;
# a boot-time initrd comes after it and replaces its files.
test_initrd_embed() {
	local out img t
	out=$(tbuild)
	mkdir -p "$out"
	initrd_tree "$out/tree" || { fail initrd_embed "cannot make the tree"; return; }
	build_app tests/apps/fstree "$out/build" PLAT_KVM=n \
		LIBUKCPIO_EMBED="\"$out/tree\"" >"$out/build.log" 2>&1 ||
		{ cat "$out/build.log"; fail initrd_embed "build failed"; return; }
	img=$out/build/fstree_linuxu-x86_64
	run_capture "$out/embed.txt" "$img" dump /
	check initrd_embed.status test $? -eq 0
	grep -v '^dev[/ ]\|^INFO:' "$out/embed.txt" >"$out/embed.got"
	"$KILN_ROOT/tests/apps/fstree/expect.py" "$out/tree" >"$out/embed.want"
	check initrd_embed.tree diff -u "$out/embed.want" "$out/embed.got"
	mkdir -p "$out/over/etc"
	echo "from the boot initrd" >"$out/over/etc/hello.txt"
	"$KILN_ROOT/support/scripts/mkcpio" "$out/over" "$out/over.cpio"
	run_capture "$out/over.txt" "$img" -i "$out/over.cpio" cat /etc/hello.txt
	check initrd_embed.override grep -qx 'from the boot initrd' "$out/over.txt"
	# A rebuild with nothing changed does not relink the image; a
	# changed file in the folder does.
	t=$(stat -c %.9Y "$img.dbg")
	sleep 1
	kmake A=tests/apps/fstree O="$out/build" >"$out/rebuild.log" 2>&1
	check initrd_embed.no_relink test "$(stat -c %.9Y "$img.dbg")" = "$t"
	echo changed >"$out/tree/etc/hello.txt"
	kmake A=tests/apps/fstree O="$out/build" >"$out/rebuild.log" 2>&1
	check initrd_embed.relink_on_change test "$(stat -c %.9Y "$img.dbg")" != "$t"
	run_capture "$out/changed.txt" "$img" cat /etc/hello.txt
	check initrd_embed.changed grep -qx changed "$out/changed.txt"
}

# hostfs: two host folders mounted by the image's configuration (a with
# openat2, b with the checked openat() path of hosts without it), and a
# again, read-only, on /ro.
hostfs_dir() { echo "$KILN_TEST_OUT/hostfs-shares"; }
hostfs_out() { echo "$KILN_TEST_OUT/hostfs-build"; }

# hostfs_share DIR: a folder as the host prepares it, beside outside.txt.
hostfs_share() {
	local d=$1 parent
	parent=$(dirname "$d")
	rm -rf "$d"
	mkdir -p "$d/sub" || return 1
	echo "host file" >"$d/host.txt"
	echo "remove me" >"$d/delete-me"
	echo "y" >"$d/sub/y"
	ln -s "$parent/outside.txt" "$d/abs-link"
	ln -s ../outside.txt "$d/rel-link"
	ln -s "$parent" "$d/dir-link"
}

test_hostfs_linuxu() {
	local h out s img rc before
	h=$(hostfs_dir) out=$(tbuild)
	mkdir -p "$h" "$out"
	build_once "$(hostfs_out)" tests/apps/fstree PLAT_KVM=n \
		LIBVFSCORE_MOUNTS="\"$h/a:/a:hostfs $h/b:/b:hostfs:noopenat2 $h/a:/ro:hostfs:ro\"" ||
		{ fail hostfs_linuxu "build failed"; return; }
	img=$(hostfs_out)/fstree_linuxu-x86_64
	echo "outside, keep" >"$h/outside.txt"
	# Both first: the image mounts both at every boot.
	hostfs_share "$h/a" && hostfs_share "$h/b" ||
		{ fail hostfs_linuxu "cannot make the shares"; return; }
	for s in a b; do
		before=$(cd "$h" && ls -lA --time-style=+%s . | grep -v ' [ab]$'; sha256sum outside.txt)

		# The guest writes; the host sees it.
		run_capture "$out/write-$s.txt" "$img" write "/$s"
		check "hostfs_$s.write_status" test $? -eq 0
		check "hostfs_$s.write_ok" grep -qx 'fstree: write OK' "$out/write-$s.txt"
		check "hostfs_$s.file" test "$(cat "$h/$s/guest.txt")" = "written by the guest"
		check "hostfs_$s.file_mode" test "$(stat -c %a "$h/$s/guest.txt")" = 640
		check "hostfs_$s.dir_mode" test "$(stat -c %a "$h/$s/guestdir")" = 750
		check "hostfs_$s.chmod" test "$(stat -c %a "$h/$s/guestdir/inner")" = 600
		check "hostfs_$s.inner" test "$(cat "$h/$s/guestdir/inner")" = "inner 42"
		check "hostfs_$s.symlink" test "$(readlink "$h/$s/guestlink")" = guest.txt
		check "hostfs_$s.hardlink" test "$(stat -c %i "$h/$s/guesthard")" = "$(stat -c %i "$h/$s/guest.txt")"
		check "hostfs_$s.rename" test ! -e "$h/$s/host.txt"
		check "hostfs_$s.truncate" test "$(cat "$h/$s/renamed.txt")" = host
		check "hostfs_$s.unlink" test ! -e "$h/$s/delete-me"

		# The guest reads the folder as the host does.
		run_capture "$out/dump-$s.txt" "$img" dump "/$s"
		check "hostfs_$s.dump_status" test $? -eq 0
		"$KILN_ROOT/tests/apps/fstree/expect.py" "$h/$s" >"$out/dump-$s.want"
		check "hostfs_$s.dump" diff -u "$out/dump-$s.want" "$out/dump-$s.txt"

		# Escapes fail with an errno and touch nothing outside.
		run_capture "$out/escape-$s.txt" "$img" escape "/$s"
		rc=$?
		check "hostfs_$s.escape_status" test "$rc" -eq 0
		check "hostfs_$s.escape_none" grep -qx 'fstree: escape done, 0 escaped' "$out/escape-$s.txt"
		check "hostfs_$s.escape_refused" test "$(grep -c '^fstree: escape refused: .*: No such file or directory$' "$out/escape-$s.txt")" -eq 7
		check "hostfs_$s.outside_untouched" test "$(cd "$h" && ls -lA --time-style=+%s . | grep -v ' [ab]$'; sha256sum outside.txt)" = "$before"
		check "hostfs_$s.nothing_in_parent" test ! -e "$h/newdir"
	done

	# Read-only: every change is refused with EROFS, the folder stays.
	before=$(cd "$h/a" && ls -lAR --time-style=+%s .)
	run_capture "$out/ro.txt" "$img" write /ro
	check hostfs_ro.status test $? -eq 1
	check hostfs_ro.erofs test "$(grep -c 'fstree: FAIL: .*: Read-only file system$' "$out/ro.txt")" -ge 5
	check hostfs_ro.unchanged test "$(cd "$h/a" && ls -lAR --time-style=+%s .)" = "$before"
	run_capture "$out/ro-cat.txt" "$img" cat /ro/guest.txt
	check hostfs_ro.read grep -qx 'written by the guest' "$out/ro-cat.txt"
}

# make run PLAT=linuxu FS=folder: the folder is the guest's root (needs
# vfscore's vfs.mount kernel parameter).
test_hostfs_make_run() {
	local out img
	out=$(tbuild)
	mkdir -p "$out"
	initrd_build || { fail hostfs_make_run "build failed"; return; }
	img=$(initrd_img linuxu)
	# The parameter's name is in the image's parameter table.
	if ! grep -q 'vfs\.mount' "$img"; then
		skip hostfs_make_run "the image has no vfs.mount parameter (vfscore's not merged)"
		return
	fi
	rm -rf "$out/root"
	mkdir -p "$out/root/etc"
	echo "from the host folder" >"$out/root/etc/motd"
	echo "host file" >"$out/root/etc/host.txt"
	echo "remove me" >"$out/root/etc/delete-me"
	run_capture "$out/run.txt" make -C "$KILN_ROOT" A=tests/apps/fstree \
		O="$(initrd_out)" PLAT=linuxu FS="$out/root" \
		ARGS="write /etc" run
	check hostfs_make_run.status test $? -eq 0
	check hostfs_make_run.write grep -qx 'fstree: write OK' "$out/run.txt"
	check hostfs_make_run.on_host test "$(cat "$out/root/etc/guest.txt")" = "written by the guest"
	# FS=folder:/path mounts it there instead, beside the ramfs root.
	run_capture "$out/run2.txt" make -C "$KILN_ROOT" A=tests/apps/fstree \
		O="$(initrd_out)" PLAT=linuxu FS="$out/root/etc:/srv" \
		ARGS="cat /srv/motd" run
	check hostfs_make_run.path_status test $? -eq 0
	check hostfs_make_run.path_read grep -qx 'from the host folder' "$out/run2.txt"
}

# Once unpacked, the initrd's pages join the heap: with a 3 MB initrd
# whose copy fills most of a small heap, 2.5 MB can still be allocated
# (without the give-back it cannot: checked when this test was written
# with LIBUKCPIO_INITRD_FREE=n), and the unpacked file is whole.
test_initrd_free() {
	local out sum
	initrd_build || { fail initrd_free "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out/big"
	head -c 3000000 /dev/urandom >"$out/big/blob"
	"$KILN_ROOT/support/scripts/mkcpio" "$out/big" "$out/big.cpio"
	sum=$("$KILN_ROOT/tests/apps/fstree/expect.py" "$out/big" | awk '{ print $NF }')
	run_capture "$out/linuxu.txt" "$(initrd_img linuxu)" -m 4M \
		-i "$out/big.cpio" alloc 2500000
	check initrd_free.linuxu_status test $? -eq 0
	check initrd_free.linuxu_alloc grep -qx 'fstree: allocated 2500000 bytes' "$out/linuxu.txt"
	run_capture "$out/linuxu-dump.txt" "$(initrd_img linuxu)" -m 4M \
		-i "$out/big.cpio" dump /
	check initrd_free.linuxu_whole grep -q "^blob file 0644 1 [0-9]* 3000000 $sum\$" "$out/linuxu-dump.txt"
	run_capture "$out/kvm.txt" timeout 60 "$KILN_ROOT/support/scripts/run" \
		--plat kvm --image "$(initrd_img kvm)" --accel tcg --mem 8M \
		--initrd "$out/big.cpio" -- alloc 2500000
	check initrd_free.kvm_status test $? -eq 0
	check initrd_free.kvm_alloc grep -qx 'fstree: allocated 2500000 bytes' "$out/kvm.txt"
}

# Refusals before the guest runs: INITRD=/FS= for an image that cannot
# use them, linuxu's -i without a usable file, FS= paths vfs.mount cannot
# carry. One line each, status 2 (make's own status for make run).
test_initrd_run_refusals() {
	local out img
	out=$(tbuild)
	mkdir -p "$out/d"
	kmake O="$out" defconfig >/dev/null
	make -C "$KILN_ROOT" O="$out" PLAT=linuxu INITRD="$out/d" run >"$out/initrd.txt" 2>&1
	check initrd_refuse.initrd_status test $? -ne 0
	check initrd_refuse.initrd_msg grep -q "kiln: INITRD=$out/d: the linuxu image of helloworld does not unpack an initrd" "$out/initrd.txt"
	make -C "$KILN_ROOT" O="$out" PLAT=linuxu FS="$out/d" run >"$out/fs.txt" 2>&1
	check initrd_refuse.fs_status test $? -ne 0
	check initrd_refuse.fs_msg grep -q "kiln: FS=$out/d: the linuxu image of helloworld has no file system for host folders" "$out/fs.txt"
	check initrd_refuse.nothing_built test ! -e "$out/helloworld_linuxu-x86_64"

	initrd_build || { fail initrd_refuse "build failed"; return; }
	img=$(initrd_img linuxu)
	run_capture "$out/i-missing.txt" "$img" -i
	check initrd_refuse.i_missing_status test $? -eq 2
	check initrd_refuse.i_missing_msg grep -qx 'linuxu: -i: missing argument' "$out/i-missing.txt"
	run_capture "$out/i-nofile.txt" "$img" -i "$out/nonexistent" dump /
	check initrd_refuse.i_nofile_status test $? -eq 2
	check initrd_refuse.i_nofile_msg grep -qx "linuxu: -i $out/nonexistent: cannot map the initrd: errno 2" "$out/i-nofile.txt"
	mkdir -p "$out/a:b"
	run_capture "$out/fs-colon.txt" "$KILN_ROOT/support/scripts/run" \
		--plat linuxu --image "$img" --fs "$out/a:b" -- dump /
	check initrd_refuse.fs_colon_status test $? -eq 2
	run_capture "$out/fs-tag.txt" "$KILN_ROOT/support/scripts/run" \
		--plat linuxu --image "$img" --fs "$out/d:sometag" -- dump /
	check initrd_refuse.fs_tag_status test $? -eq 2
	check initrd_refuse.fs_tag_msg grep -q "linuxu's hostfs has no 9P tag" "$out/fs-tag.txt"
	run_capture "$out/fs-kvm.txt" "$KILN_ROOT/support/scripts/run" \
		--plat kvm --image "$(initrd_img kvm)" --accel tcg --fs "$out/d" -- dump /
	check initrd_refuse.fs_kvm_status test $? -eq 2
	check initrd_refuse.fs_kvm_msg grep -q 'vfs: cannot mount fs0 (9pfs) on /' "$out/fs-kvm.txt"
}
