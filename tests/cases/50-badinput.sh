# Bad input: a one-line error, a non-zero exit, and nothing changed.

# expect_error NAME PATTERN MAKEARGS...: make fails, prints PATTERN in a
# line that starts with its "kiln:" message, and prints no more than the
# one error line (after the host tools check, a step of its own the first
# time a build folder is used).
expect_error() {
	local name=$1 pattern=$2 out rc
	shift 2
	out=$KILN_TEST_OUT/$name.txt
	make -C "$KILN_ROOT" "$@" >"$out" 2>&1
	rc=$?
	cat "$out"
	check "$name.status" test "$rc" -ne 0
	check "$name.message" grep -q "kiln: .*$pattern" "$out"
	check "$name.one_line" test "$(grep -cv '^make: Entering\|^make: Leaving\|^  DEPS     ' "$out")" -eq 1
}

test_bad_plat() {
	local out
	out=$(tbuild)
	kmake O="$out" defconfig >/dev/null
	cp "$out/helloworld/.config" "$out/config.before"
	expect_error bad_plat "unknown platform PLAT=nosuch (known: .*linuxu" O="$out" PLAT=nosuch
	check bad_plat.unchanged cmp "$out/config.before" "$out/helloworld/.config"
	expect_error bad_plat_run "unknown platform PLAT=nosuch" O="$out" PLAT=nosuch run
}

test_bad_config() {
	local out cfg
	out=$(tbuild) cfg=$(tbuild)/helloworld/.config
	kmake O="$out" >/dev/null || { fail bad_config "build failed"; return; }
	printf 'CONFIG_PLAT_LINUXU=y\nthis is not kconfig\n' >>"$cfg"
	cp "$cfg" "$out/config.before"
	expect_error bad_config "malformed line \"this is not kconfig\"" O="$out"
	check bad_config.unchanged cmp "$out/config.before" "$cfg"
	head -c 200 /dev/urandom >"$cfg"
	expect_error bad_config_binary "not a text file" O="$out"
}

test_bad_pool() {
	local out
	out=$(tbuild)
	expect_error bad_pool "no such directory: /nonexistent" O="$out" L=/nonexistent
	check bad_pool.nothing_written test ! -e "$out"
	expect_error bad_pool_empty "holds no library" O="$out" L="$KILN_ROOT/support"
}

# An application whose library lives in a pool, built without that pool.
test_bad_missing_pool() {
	expect_error bad_missing_pool "needs LIBPOOLGREET, which no library defines: add the pool that provides it with L=" \
		A=tests/apps/pooluser O="$(tbuild)"
}

test_bad_app() {
	expect_error bad_app "no such application folder" A=/nonexistent O="$(tbuild)"
	expect_error bad_app_not_app "not an application" A="$KILN_ROOT/support" O="$(tbuild)"
}

# NET=/DISK= for an image without a network/block driver: refused before
# anything is built or booted, on both platforms.
test_bad_run_devices() {
	local out
	out=$(tbuild)
	kmake O="$out" defconfig >/dev/null
	expect_error bad_run_net_kvm "NET=tap9: the kvm image of helloworld has no network driver" \
		O="$out" PLAT=kvm NET=tap9 run
	expect_error bad_run_disk_linuxu "DISK=$out/d.img: the linuxu image of helloworld has no block driver" \
		O="$out" PLAT=linuxu DISK="$out/d.img" run
	check bad_run_devices.nothing_built test ! -e "$out/helloworld_kvm-x86_64"
}

test_bad_goals() {
	expect_error bad_goals "in a make invocation of their own" O="$(tbuild)" defconfig all
}

test_help_and_clean() {
	local out
	out=$(tbuild)
	make -C "$KILN_ROOT" help >"$out.help" 2>&1
	check help.lists_targets grep -q 'menuconfig' "$out.help"
	check help.lists_vars grep -q 'L=dir1:dir2' "$out.help"
	kmake O="$out" >/dev/null
	kmake O="$out" clean
	check clean.images_gone test ! -e "$out/helloworld_linuxu-x86_64"
	check clean.config_kept test -f "$out/helloworld/.config"
	# distclean removes this application's configuration and images,
	# names them, and keeps the other applications of the build folder.
	kmake O="$out" A=tests/apps/platprobe >/dev/null
	kmake O="$out" distclean >"$out.distclean" 2>&1
	cat "$out.distclean"
	check distclean.config_gone test ! -e "$out/helloworld/.config"
	check distclean.said grep -qx "kiln: removing $out/helloworld" "$out.distclean"
	check distclean.other_kept test -f "$out/platprobe/.config"
	check distclean.other_said grep -q 'kept the other applications' "$out.distclean"
	kmake O="$out" distclean ALL=1 >"$out.all" 2>&1
	check distclean.all grep -qx "kiln: removing $out" "$out.all"
	check distclean.all_gone test ! -e "$out"
}

test_deps() {
	check deps.all "$KILN_ROOT/support/scripts/deps" all
	check deps.bad_set sh -c "! '$KILN_ROOT/support/scripts/deps' nosuch 2>/dev/null"
}
