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
	for m in pc microvm; do
		initrd_check "initrd_kvm_$m" kvm "$m" "$out/tree"
	done
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
