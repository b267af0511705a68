# Porting: support/scripts/fetch, the zlib port (tests/ports) against the
# host's zlib, Unikraft's Makefile.uk idioms (tests/pool/libpoolidioms),
# warnings for what the build does not understand, third-party warnings.

# The shared zlibcheck build of these tests (fetches zlib once).
zlib_out() { echo "$KILN_TEST_OUT/zlibcheck"; }
zlib_build() {
	L=tests/ports build_once "$(zlib_out)" tests/apps/zlibcheck 2>&1
}
# kmake for zlibcheck in the shared folder.
zlib_make() { kmake A=tests/apps/zlibcheck L=tests/ports O="$(zlib_out)" "$@"; }

test_port_fetch() {
	local out lines rc cache fake
	out=$(tbuild)
	mkdir -p "$out"
	# A version the archive does not have: one line naming the package
	# and the command to run, status 1.
	support/scripts/fetch zlib 0.0-0 "$out/nosuch" >"$out/bad.txt" 2>&1
	rc=$?
	cat "$out/bad.txt"
	lines=$(wc -l <"$out/bad.txt")
	check fetch.bad_version_status test "$rc" -eq 1
	check fetch.bad_version_one_line test "$lines" -eq 1
	check fetch.bad_version_names grep -q '^fetch: zlib 0.0-0: .*run: .*fetch --download-only zlib 0.0-0$' "$out/bad.txt"
	check fetch.usage sh -c "support/scripts/fetch zlib >/dev/null 2>&1; test \$? -eq 2"
	check fetch.bad_name sh -c "support/scripts/fetch 'x;y' 1 '$out/x' >/dev/null 2>&1; test \$? -eq 2"
	check fetch.no_dest_change test ! -e "$out/nosuch"

	# From the shell: fetch and patch into a folder.
	if support/scripts/fetch --patches tests/ports/libzlib/patches \
		zlib 1:1.2.13.dfsg-1 "$out/zlib"; then
		pass fetch.shell
	else
		fail fetch.shell "fetch zlib failed"
		return
	fi
	check fetch.unpacked test -f "$out/zlib/deflate.c"
	check fetch.patched grep -q 'Z_NO_GZFILE' "$out/zlib/zutil.c"
	cache=${KILN_SRC_CACHE:-$HOME/.cache/kiln/src}/zlib_1.2.13.dfsg-1
	check fetch.cached test -f "$cache/zlib_1.2.13.dfsg-1.dsc"

	# With the cache filled, apt-get is not needed: an apt-get that
	# always fails changes nothing.
	fake=$out/fakebin
	mkdir -p "$fake"
	printf '#!/bin/sh\necho "apt-get must not run" >&2\nexit 100\n' >"$fake/apt-get"
	chmod +x "$fake/apt-get"
	check fetch.cache_only env PATH="$fake:$PATH" support/scripts/fetch \
		zlib 1:1.2.13.dfsg-1 "$out/zlib2"
	# A corrupt cache is noticed (and fetched again: here apt-get fails,
	# so the error names the command).
	mkdir -p "$out/cache" && cp -r "$cache" "$out/cache/"
	printf 'garbage' >>"$out/cache/zlib_1.2.13.dfsg-1/zlib_1.2.13.dfsg-1.debian.tar.xz"
	env PATH="$fake:$PATH" KILN_SRC_CACHE="$out/cache" support/scripts/fetch \
		zlib 1:1.2.13.dfsg-1 "$out/zlib3" >"$out/corrupt.txt" 2>&1
	rc=$?
	cat "$out/corrupt.txt"
	check fetch.corrupt_refused test "$rc" -eq 1
	check fetch.corrupt_said grep -q 'cache incomplete or corrupt' "$out/corrupt.txt"
	# A patch that does not apply is an error naming it.
	mkdir -p "$out/badpatches"
	printf -- '--- a/nosuch.c\n+++ b/nosuch.c\n@@ -1 +1 @@\n-a\n+b\n' >"$out/badpatches/0001-bad.patch"
	support/scripts/fetch --patches "$out/badpatches" zlib 1:1.2.13.dfsg-1 \
		"$out/zlib4" >"$out/badpatch.txt" 2>&1
	rc=$?
	cat "$out/badpatch.txt"
	check fetch.bad_patch test "$rc" -eq 1
	check fetch.bad_patch_named grep -q 'patch .*0001-bad.patch does not apply' "$out/badpatch.txt"
}

# zlibcheck's output against the host's zlib on the same data.
zlib_compare() {
	local name=$1 plat=$2 img out
	shift 2
	out=$(zlib_out)
	img=$out/zlibcheck_$plat-x86_64
	if [ "$plat" = kvm ]; then
		run_capture "$out/$name.txt" support/scripts/run --plat kvm \
			--image "$img" -- "$@"
	else
		run_capture "$out/$name.txt" "$img" "$@"
	fi || { fail "$name" "zlibcheck $* failed on $plat"; return; }
	tests/apps/zlibcheck/zlib_ref.py "$@" >"$out/$name.want"
	grep -v -e '^kiln:' -e '^corrupted:' -e '^zlibcheck: ok' -e '^compressed=' \
		"$out/$name.txt" >"$out/$name.got"
	if diff -u "$out/$name.want" "$out/$name.got"; then
		pass "$name"
	else
		fail "$name" "differs from the host's zlib"
	fi
	check "$name.corrupt_refused" grep -qx 'corrupted: data error' "$out/$name.txt"
	check "$name.ok" grep -qx 'zlibcheck: ok' "$out/$name.txt"
}

# The host inflates what the port deflated. At level 0 the stored blocks
# are cut where the output buffer ends, so the bytes differ from Python's
# (which grows its buffer) while both are valid: inflating is the check.
zlib_host_inflates() {
	local name=$1 plat=$2 out hex
	shift 2
	out=$(zlib_out)
	if [ "$plat" = kvm ]; then
		run_capture "$out/$name.txt" support/scripts/run --plat kvm \
			--image "$out/zlibcheck_kvm-x86_64" -- size=4096 seed=9 hex=1 "$@"
	else
		run_capture "$out/$name.txt" "$out/zlibcheck_linuxu-x86_64" \
			size=4096 seed=9 hex=1 "$@"
	fi
	hex=$(sed -n 's/^compressed=//p' "$out/$name.txt")
	check "$name" tests/apps/zlibcheck/zlib_ref.py --inflate "$hex" size=4096 seed=9
}

test_port_zlib_linuxu() {
	zlib_build || { fail port_zlib_linuxu "build of zlibcheck failed"; return; }
	zlib_compare port_zlib_linuxu.default linuxu
	zlib_compare port_zlib_linuxu.level9 linuxu size=100000 level=9 seed=7
	zlib_host_inflates port_zlib_linuxu.host_inflates linuxu
	zlib_host_inflates port_zlib_linuxu.host_inflates_stored linuxu level=0
	run_capture "$(zlib_out)/badarg.txt" "$(zlib_out)/zlibcheck_linuxu-x86_64" level=12
	check port_zlib_linuxu.bad_arg grep -q 'level=12: unknown or out of range' "$(zlib_out)/badarg.txt"
}

test_port_zlib_kvm() {
	zlib_build || { fail port_zlib_kvm "build of zlibcheck failed"; return; }
	zlib_compare port_zlib_kvm.default kvm
	zlib_compare port_zlib_kvm.level1 kvm size=300000 level=1 seed=3
	zlib_host_inflates port_zlib_kvm.host_inflates kvm level=9
}

# A rebuild neither fetches nor compiles; a changed patch unpacks again
# from the cache and recompiles only what the patch touched.
test_port_zlib_rebuild() {
	local out
	out=$(zlib_out)
	zlib_build || { fail port_zlib_rebuild "build of zlibcheck failed"; return; }
	zlib_make >"$out/rebuild.log" 2>&1
	cat "$out/rebuild.log"
	check port_zlib_rebuild.no_fetch sh -c "! grep -q FETCH '$out/rebuild.log'"
	check port_zlib_rebuild.no_compile sh -c "! grep -q '^  CC' '$out/rebuild.log'"
	check port_zlib_rebuild.compile_commands grep -q '"file": ".*/origin/deflate.c"' \
		"$out/zlibcheck/compile_commands.json"
	# Third-party code: warnings allowed, no -Werror.
	if grep -q '/origin/deflate.c.*-Werror' "$out/zlibcheck/linuxu/compile_commands.json" ||
		! grep -q -- '-Werror' "$out/zlibcheck/linuxu/compile_commands.json"; then
		fail port_zlib_rebuild.no_werror "zlib got -Werror, or the tree's code did not"
	else
		pass port_zlib_rebuild.no_werror
	fi
}

test_port_idioms() {
	local out
	out=$(tbuild)
	L=tests/pool build_app tests/apps/idioms "$out" >"$out.log" 2>&1 ||
		{ cat "$out.log"; fail port_idioms "build failed"; return; }
	cat "$out.log"
	run_capture "$out/run.txt" "$out/idioms_linuxu-x86_64"
	# c: CFLAGS-y + CINCLUDES-y; special: a per-file flag; as: ASFLAGS-y
	# + both ASINCLUDES; cxx: a C++ global constructor with CXXFLAGS-y
	# and CXXINCLUDES-y; generated: a source in $(LIB_BUILD); header: a
	# UK_PREPARE header.
	check port_idioms.values grep -qx 'c=111 special=44 as=229 cxx=366 generated=66 header=55' "$out/run.txt"
	check port_idioms.no_warning sh -c "! grep -q 'not a variable the build understands' '$out.log'"
	check port_idioms.cxx_freestanding grep -q -- '-fno-exceptions -fno-rtti' "$out/idioms/compile_commands.json"
}

# A pool library with a warning and a variable the build does not know.
port_scratch_pool() {
	local pool=$1
	mkdir -p "$pool/libscratch"
	cat >"$pool/libscratch/Config.uk" <<'EOF'
config LIBSCRATCH
	bool "scratch"
	default y
EOF
	cat >"$pool/libscratch/Makefile.uk" <<'EOF'
$(eval $(call addlib_s,libscratch,$(CONFIG_LIBSCRATCH)))
LIBSCRATCH_SRCS-y += scratch.c
LIBSCRATCH_LDFLAGS-y += -z now
LIBSCRATCH_SCRATCH_FLAG-y += -DTYPO
EOF
	printf 'int scratch(void)\n{\n\tint unused;\n\treturn 0;\n}\n' \
		>"$pool/libscratch/scratch.c"
}

test_port_warnings() {
	local out pool
	out=$(tbuild)
	pool=$out/pool
	port_scratch_pool "$pool"
	kmake O="$out" L="$pool" >"$out/build.log" 2>&1
	check port_warnings.thirdparty_builds test $? -eq 0
	cat "$out/build.log"
	check port_warnings.unknown_named grep -q "kiln: $pool/libscratch/Makefile.uk: warning: LIBSCRATCH_LDFLAGS-y is not a variable the build understands" "$out/build.log"
	check port_warnings.unknown_perfile grep -q "LIBSCRATCH_SCRATCH_FLAG-y is not a variable" "$out/build.log"
	check port_warnings.compiler_warning grep -q "unused variable .unused." "$out/build.log"
	# The same library declared the tree's own: -Werror stops it.
	echo 'LIBSCRATCH_THIRDPARTY := n' >>"$pool/libscratch/Makefile.uk"
	if kmake O="$out" L="$pool" >"$out/werror.log" 2>&1; then
		fail port_warnings.werror "a warning passed with LIBSCRATCH_THIRDPARTY := n"
	else
		check port_warnings.werror grep -q 'unused variable .unused.*Werror' "$out/werror.log"
	fi
	cat "$out/werror.log"
}

# The port's own uktest cases, at boot of zlibcheck, on both platforms.
test_port_zlib_uktest() {
	local out p
	out=$(tbuild)
	L=tests/ports build_app tests/apps/zlibcheck "$out" LIBUKTEST=y \
		LIBUKTEST_ALL=y LIBUKTEST_AUTORUN=y >"$out.log" 2>&1 ||
		{ cat "$out.log"; fail port_zlib_uktest "build failed"; return; }
	run_capture "$out/linuxu.txt" "$out/zlibcheck_linuxu-x86_64" size=1000
	run_capture "$out/kvm.txt" support/scripts/run --plat kvm \
		--image "$out/zlibcheck_kvm-x86_64" -- size=1000
	for p in linuxu kvm; do
		grep 'suite=zlib ' "$out/$p.txt" >"$out/$p.zlib" || true
		uktest_collect "$out/$p.zlib" "port_zlib_uktest.$p" ||
			true
		check "port_zlib_uktest.$p.cases" test "$(grep -c 'status=pass' "$out/$p.zlib")" -eq 4
		check "port_zlib_uktest.$p.main" grep -qx 'zlibcheck: ok' "$out/$p.txt"
	done
}

# Every sh block of docs/PORTING.md, in order, each as one bash script
# from the tree's root with `build/` moved to a scratch build folder.
test_port_guide() {
	local out n=0 block
	out=$(tbuild)
	mkdir -p "$out/blocks"
	awk -v dir="$out/blocks" '
		/^[ \t]*```sh[ \t]*$/ {
			match($0, /^[ \t]*/); ind = RLENGTH
			n++; f = sprintf("%s/%02d.sh", dir, n); inblk = 1; next
		}
		inblk && /^[ \t]*```[ \t]*$/ { inblk = 0; close(f); next }
		inblk { print substr($0, ind + 1) >f }
	' docs/PORTING.md
	for block in "$out"/blocks/*.sh; do
		n=$((n + 1))
		sed -i "s#\\(^\\|[ =<>]\\)build/#\\1$out/#g" "$block"
		echo "+ block $n:"
		sed 's/^/  | /' "$block"
		if (export O="$out" && cd "$KILN_ROOT" && timeout 300 bash -e "$block") \
			>"$block.log" 2>&1; then
			pass "port_guide.block$n"
		else
			fail "port_guide.block$n" "$(head -n 1 "$block") ... failed (see $block.log)"
		fi
		sed 's/^/  > /' "$block.log"
	done
	check port_guide.blocks test "$n" -ge 7
	check port_guide.nothing_in_tree sh -c "test -z \"\$(git -C '$KILN_ROOT' status --porcelain --ignored -- tests/ports tests/apps/zlibcheck)\""
}
