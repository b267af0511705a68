# Build tests: the default application, the app-folder Makefile, the
# image layout, incremental rebuilds and configuration variants.

test_build_defconfig() {
	local out img
	out=$(tbuild)
	kmake O="$out" || { fail build_defconfig "make failed"; return; }
	img=$out/helloworld_linuxu-x86_64
	check build_defconfig.image test -x "$img"
	check build_defconfig.dbg test -f "$img.dbg"
	# The bootable image is stripped; the .dbg keeps the symbols.
	if readelf -S "$img" | grep -q '\.symtab'; then
		fail build_defconfig.stripped "$img still has a symbol table"
	else
		pass build_defconfig.stripped
	fi
	check build_defconfig.dbg_symbols sh -c "nm '$img.dbg' | grep -q ' T main$'"
	ls -l "$img" "$img.dbg"
}

# Only exported symbols stay global in a library object.
test_build_symbol_hiding() {
	local out lib
	out=$(tbuild)
	kmake O="$out" >/dev/null || { fail build_symbol_hiding "make failed"; return; }
	lib=$out/helloworld/linuxu/libukargparse.o
	nm "$lib"
	# uk_argparse is exported; is_blank is static; nothing else global.
	check build_symbol_hiding.exported sh -c "nm '$lib' | grep -q ' T uk_argparse$'"
	check build_symbol_hiding.only_exports sh -c \
		"test -z \"\$(nm -g --defined-only '$lib' | grep -v -e ' uk_argparse$' -e ' uk_argparse_split$')\""
}

test_build_incremental() {
	local out cfg
	out=$(tbuild)
	kmake O="$out" >/dev/null || { fail build_incremental "first build failed"; return; }
	# Nothing changed: nothing is compiled or linked again.
	kmake O="$out" >"$out/noop.log" 2>&1
	cat "$out/noop.log"
	if grep -E '^  (CC|AS|LD) ' "$out/noop.log"; then
		fail build_incremental.noop "a no-change make rebuilt something"
	else
		pass build_incremental.noop
	fi
	# A configuration change rebuilds and takes effect.
	cfg=$out/helloworld/.config
	kconfig_set "$cfg" LIBUKBOOT_TIMESTAMPS=y
	kmake O="$out" >"$out/change.log" 2>&1
	cat "$out/change.log"
	if grep -q '^  CC ' "$out/change.log"; then
		pass build_incremental.config_change
	else
		fail build_incremental.config_change "enabling an option rebuilt nothing"
	fi
	run_capture "$out/run.txt" "$out/helloworld_linuxu-x86_64"
	check build_incremental.option_effect grep -q '^kiln-boot: entry_ns=[0-9]* main_ns=[0-9]* boot_ns=[0-9]*$' "$out/run.txt"
	check build_incremental.exit_line grep -q '^kiln-boot: exit_ns=[0-9]* run_ns=[0-9]* status=0$' "$out/run.txt"
	# A touched source is compiled again, alone.
	touch "$KILN_ROOT/apps/helloworld/main.c"
	kmake O="$out" >"$out/touch.log" 2>&1
	cat "$out/touch.log"
	# (once per enabled platform: objects are per platform)
	check build_incremental.touch test "$(grep -c '^  CC .*/apphelloworld/main.o$' "$out/touch.log")" -eq "$(grep '^CONFIG_PLAT_[A-Z0-9_]*=y' "$out/helloworld/.config" | grep -vc '^CONFIG_PLAT_COMMON=')"
	check build_incremental.touch_only test "$(grep '^  CC ' "$out/touch.log" | grep -vc '/apphelloworld/main.o$')" -eq 0
}

# `make` inside an application folder builds through the tree's Makefile.
test_build_app_folder() {
	local out
	out=$(tbuild)
	make -C "$KILN_ROOT/apps/helloworld" O="$out" -j2 ||
		{ fail build_app_folder "make in apps/helloworld failed"; return; }
	check build_app_folder.image test -x "$out/helloworld_linuxu-x86_64"
	run_capture "$out/run.txt" "$out/helloworld_linuxu-x86_64"
	check build_app_folder.runs grep -qx 'Hello world!' "$out/run.txt"
}

# V=1 prints the compiler command lines; the default does not.
test_build_verbose() {
	local out
	out=$(tbuild)
	kmake O="$out" V=1 >"$out.log" 2>&1
	check build_verbose.commands grep -q -- 'gcc .*-ffreestanding.* -c ' "$out.log"
	kmake O="$out-quiet" >"$out-quiet.log" 2>&1
	check build_verbose.quiet sh -c "! grep -q -- '-ffreestanding' '$out-quiet.log'"
}

# Without ukdebug printing the image builds, runs and is smaller.
test_build_no_printk() {
	local out ref
	out=$(tbuild) ref=$(tbuild ref)
	build_app apps/helloworld "$ref" >/dev/null ||
		{ fail build_no_printk "reference build failed"; return; }
	build_app apps/helloworld "$out" LIBUKDEBUG_PRINTK=n ||
		{ fail build_no_printk "build failed"; return; }
	check build_no_printk.config grep -qx '# CONFIG_LIBUKDEBUG_PRINTK is not set' "$out/helloworld/.config"
	run_capture "$out/run.txt" "$out/helloworld_linuxu-x86_64"
	check build_no_printk.runs grep -qx 'Hello world!' "$out/run.txt"
	local a b
	a=$(stat -c %s "$ref/helloworld_linuxu-x86_64")
	b=$(stat -c %s "$out/helloworld_linuxu-x86_64")
	echo "image size: with printk $a bytes, without $b bytes"
	check build_no_printk.smaller test "$b" -le "$a"
}

# Every optimisation choice builds and runs.
test_build_optimize_variants() {
	local opt out
	for opt in OPTIMIZE_SIZE OPTIMIZE_DEBUG; do
		out=$(tbuild "$opt")
		if build_app apps/helloworld "$out" "$opt=y" OPTIMIZE_PERF=n &&
			run_capture "$out/run.txt" "$out/helloworld_linuxu-x86_64" &&
			grep -qx 'Hello world!' "$out/run.txt"; then
			pass "build_optimize.$opt"
		else
			fail "build_optimize.$opt" "build or run failed"
		fi
	done
}

# An external pool through L=: its option reaches the code, and its
# unexported symbols stay out of reach.
test_build_external_pool() {
	local out
	out=$(tbuild)
	kmake A=tests/apps/pooluser O="$out" L=tests/pool defconfig ||
		{ fail build_external_pool "defconfig failed"; return; }
	kconfig_set "$out/pooluser/.config" 'LIBPOOLGREET_WHO="the tests pool"'
	if kmake A=tests/apps/pooluser O="$out" L=tests/pool; then
		pass build_external_pool.build
	else
		fail build_external_pool.build "make with L=tests/pool failed"
		return
	fi
	run_capture "$out/run.txt" "$out/pooluser_linuxu-x86_64"
	check build_external_pool.option grep -qx 'Hello from the tests pool! (secret 42)' "$out/run.txt"
	# The pool is listed in its own menu of the generated Kconfig file.
	check build_external_pool.kconfig grep -q "libpoolgreet/Config.uk" "$out/pooluser/kconfig/libs.uk"
	kconfig_set "$out/pooluser/.config" APPPOOLUSER_CALL_INTERNAL=y
	if kmake A=tests/apps/pooluser O="$out" L=tests/pool >"$out/hidden.log" 2>&1; then
		fail build_external_pool.hidden "calling an unexported symbol linked"
	else
		check build_external_pool.hidden grep -q "undefined reference to .poolgreet_secret" "$out/hidden.log"
	fi
}
