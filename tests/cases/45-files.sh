# The file layer at boot: vfs.mount kernel parameters (good, bad, a bad
# file system), on linuxu and kvm, with helloworld built with the fd
# table, vfscore, ramfs and devfs. The calls themselves are tested by the
# uktest suites (posix_fdtab, vfscore, nolibc's streams) and tests/apps/fstest.

files_build() {
	build_once "$KILN_TEST_OUT/files" apps/helloworld LIBUKSCHED=y \
		LIBUKLOCK=y LIBUKTIME=y LIBPOSIX_FDTAB=y LIBVFSCORE=y \
		LIBUKRANDOM=y LIBRAMFS=y LIBDEVFS=y &&
		echo "$KILN_TEST_OUT/files"
}

# files_boot PLAT OUTFILE KARGS...: boot helloworld with kernel args.
files_boot() {
	local plat=$1 out=$2 dir
	shift 2
	dir=$(files_build) || return 125
	run_capture "$out" "$KILN_ROOT/support/scripts/run" --plat "$plat" \
		--image "$dir/helloworld_$plat-x86_64" -- "$@" -- x
}

test_files_vfs_mount() {
	local plat out rc
	for plat in linuxu kvm; do
		out=$KILN_TEST_OUT/files-$plat
		files_boot "$plat" "$out.good" vfs.mount=none:/mnt/a:ramfs:size=1M \
			vfs.mount=none:/mnt/b:ramfs
		rc=$?
		check "files_vfs_mount.${plat}_good_status" test "$rc" -eq 0
		check "files_vfs_mount.${plat}_good_main" grep -q '^argv\[1\]=x' "$out.good"
		files_boot "$plat" "$out.nofs" vfs.mount=none:/t:nosuchfs
		rc=$?
		check "files_vfs_mount.${plat}_unknown_fs_status" test "$rc" -eq 2
		check "files_vfs_mount.${plat}_unknown_fs_message" \
			grep -q 'vfs: cannot mount none (nosuchfs) on /t: error -19' "$out.nofs"
		check "files_vfs_mount.${plat}_unknown_fs_no_main" \
			sh -c "! grep -q 'Hello world' '$out.nofs'"
		files_boot "$plat" "$out.malformed" vfs.mount=justone
		rc=$?
		check "files_vfs_mount.${plat}_malformed_status" test "$rc" -eq 2
		check "files_vfs_mount.${plat}_malformed_message" \
			grep -q "bad mount entry 'justone': expected <source>:<path>:<fstype>" "$out.malformed"
		files_boot "$plat" "$out.badopt" vfs.mount=none:/o:ramfs:size=lots
		rc=$?
		check "files_vfs_mount.${plat}_bad_option_status" test "$rc" -eq 2
		check "files_vfs_mount.${plat}_bad_option_message" \
			grep -q 'cannot mount none (ramfs) on /o: error -22' "$out.badopt"
	done
	# size= takes the size grammar of every command line: hex and
	# suffixes, and neither a sign nor an overflow slips through.
	files_boot linuxu "$KILN_TEST_OUT/files-hex" vfs.mount=none:/h:ramfs:size=0x10K,ro
	check files_vfs_mount.size_hex test $? -eq 0
	for v in -1K 99999999999G 1KB ' 1M'; do
		files_boot linuxu "$KILN_TEST_OUT/files-size" "vfs.mount=none:/s:ramfs:size=$v"
		check "files_vfs_mount.size_refused_$v" test $? -eq 2
	done
	files_boot linuxu "$KILN_TEST_OUT/files-help" help
	rc=$?
	check files_vfs_mount.help_status test "$rc" -eq 0
	check files_vfs_mount.help_lists grep -q '^  vfs.mount=<string> (repeatable' "$KILN_TEST_OUT/files-help"
}
