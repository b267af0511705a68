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

# A config change rebuilds only the objects whose sources (or headers)
# use a changed symbol; a change of flags rebuilds every object; a source
# dropped from a library relinks it.
test_build_config_deps() {
	local out cfg users objs
	out=$(tbuild)
	kmake O="$out" >/dev/null || { fail build_config_deps "first build failed"; return; }
	cfg=$out/helloworld/.config
	kconfig_set "$cfg" LIBUKBOOT_TIMESTAMPS=y
	kmake O="$out" >"$out/sym.log" 2>&1
	cat "$out/sym.log"
	# Which objects use the symbol: the sources and headers that name it.
	users=$(grep -rl 'CONFIG_LIBUKBOOT_TIMESTAMPS' lib plat arch include apps | grep -c '\.c$')
	echo "sources naming the symbol: $users"
	check build_config_deps.some grep -q '^  CC .*/libukboot/boot.o$' "$out/sym.log"
	check build_config_deps.only sh -c "! grep '^  CC ' '$out/sym.log' | grep -v '/libukboot/'"
	# Objects of an image, from its compile_commands.json, against how
	# many an optimisation change recompiles.
	kconfig_set "$cfg" OPTIMIZE_SIZE=y OPTIMIZE_PERF=n
	kmake O="$out" >"$out/flags.log" 2>&1
	# (assembly sources take no -O: they stay)
	objs=$(grep -c '"file": ".*\.c"' "$out/helloworld/compile_commands.json")
	echo "C objects: $objs, compiled: $(grep -c '^  CC ' "$out/flags.log")"
	check build_config_deps.flags test "$(grep -c '^  CC ' "$out/flags.log")" -eq "$objs"
	check build_config_deps.flags_no_as sh -c "! grep -q '^  AS ' '$out/flags.log'"
	check build_config_deps.flags_effect grep -q -- ' -Os ' "$out/helloworld/linuxu/compile_commands.json"
	kmake O="$out" >"$out/noop.log" 2>&1
	check build_config_deps.noop sh -c "! grep -q '^  [CAL][CSD] ' '$out/noop.log'"
}

# compile_commands.json for every platform and one for the application:
# valid JSON, one entry per compiled object, each file present.
test_build_compile_commands() {
	local out p
	out=$(tbuild)
	kmake O="$out" >/dev/null || { fail build_compile_commands "build failed"; return; }
	for p in linuxu kvm; do
		check "build_compile_commands.$p" python3 - "$out/helloworld/$p/compile_commands.json" "$out/helloworld/$p" <<'PY'
import json, os, sys
db = json.load(open(sys.argv[1]))
objs = []
for d, _, files in os.walk(sys.argv[2]):
    objs += [os.path.join(d, f) for f in files
             if f.endswith(".o") and os.path.dirname(os.path.join(d, f)) != sys.argv[2]]
outs = sorted(e["output"] for e in db)
assert outs == sorted(objs), (len(outs), len(objs))
for e in db:
    assert os.path.isfile(e["file"]), e["file"]
    assert " -c " + e["file"] + " " in e["command"], e["command"]
print(len(db), "entries")
PY
	done
	check build_compile_commands.merged python3 -c "
import json, sys
a = json.load(open('$out/helloworld/compile_commands.json'))
b = json.load(open('$out/helloworld/linuxu/compile_commands.json'))
c = json.load(open('$out/helloworld/kvm/compile_commands.json'))
assert len(a) == len(b) + len(c)"
}

# Host packages are checked once per build folder, as a step of its own.
test_build_deps_step() {
	local out
	out=$(tbuild)
	kmake O="$out" >"$out.first" 2>&1
	check build_deps_step.shown grep -q '^  DEPS     build (support/scripts/deps)$' "$out.first"
	check build_deps_step.stamp test -f "$out/.deps/build"
	kmake O="$out" >"$out.second" 2>&1
	check build_deps_step.once sh -c "! grep -q DEPS '$out.second'"
}
