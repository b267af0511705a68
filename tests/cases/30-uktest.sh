# In-image unit tests (uktest): an image with every library's tests runs
# them at boot; each case counts as one test here.

# The core libraries that are off by default but have tests to run.
uktest_core_libs="LIBUKSCHED=y LIBUKLOCK=y LIBUKTIME=y LIBPOSIX_FDTAB=y LIBVFSCORE=y LIBUKRANDOM=y LIBRAMFS=y LIBDEVFS=y LIBUKCPIO=y"

test_uktest_linuxu() {
	local out img
	out=$(tbuild)
	# shellcheck disable=SC2086
	build_app apps/helloworld "$out" LIBUKTEST=y LIBUKTEST_ALL=y LIBUKTEST_AUTORUN=y \
		$uktest_core_libs ||
		{ fail uktest_linuxu "build failed"; return; }
	img=$out/helloworld_linuxu-x86_64
	run_capture "$out/run.txt" "$img" after tests
	local rc=$?
	uktest_collect "$out/run.txt" linuxu || fail uktest_linuxu.summary "no uktest summary line: the image stopped early"
	check uktest_linuxu.main_ran grep -qx 'Hello world!' "$out/run.txt"
	check uktest_linuxu.status test "$rc" -eq 0
	# Every suite the tree ships is in the image.
	for suite in nolibc ukargparse ukboot ukparam ukalloc ukalloctlsf \
		uksched ukschedcoop uklock uktime posix_fdtab vfscore ukrandom ukcpio; do
		check "uktest_linuxu.suite_$suite" grep -q "result suite=$suite " "$out/run.txt"
	done
}

# A failing case makes the image exit non-zero before main().
test_uktest_failure_exit() {
	local out img rc
	out=$(tbuild)
	build_app tests/apps/failingtest "$out" ||
		{ fail uktest_failure_exit "build failed"; return; }
	img=$out/failingtest_linuxu-x86_64
	run_capture "$out/run.txt" "$img"
	rc=$?
	check uktest_failure_exit.status test "$rc" -eq 1
	check uktest_failure_exit.result grep -q 'uktest: result suite=failingtest case=fails status=fail' "$out/run.txt"
	check uktest_failure_exit.where grep -q 'uktest: fail suite=failingtest case=fails at .*main.c:[0-9]*: expected 1 + 1 == 3 (2 vs 3)' "$out/run.txt"
	check uktest_failure_exit.passing_case grep -q 'case=passes status=pass' "$out/run.txt"
	check uktest_failure_exit.no_main sh -c "! grep -q 'main ran' '$out/run.txt'"
}

# The uktest image once per allocator backend of the default heap, on linuxu
# and on kvm, with the debug checks of frees on: every case (threads
# included) must pass whatever the backend.
test_uktest_alloc_backends() {
	local be BE out img rc
	for be in tlsf buddy region; do
		BE=$(echo "$be" | tr a-z A-Z)
		out=$(tbuild "$be")
		# shellcheck disable=SC2086
		build_app apps/helloworld "$out" LIBUKTEST=y LIBUKTEST_ALL=y \
			LIBUKTEST_AUTORUN=y $uktest_core_libs LIBUKALLOC_DEFAULT_TLSF=n \
			"LIBUKALLOC_DEFAULT_$BE=y" LIBUKALLOC_DEBUG=y ||
			{ fail "uktest_alloc_$be" "build failed"; continue; }
		check "uktest_alloc_$be.config" grep -qx "CONFIG_LIBUKALLOC_DEFAULT_BACKEND=\"$be\"" "$out/helloworld/.config"
		img=$out/helloworld_linuxu-x86_64
		# The region backend never reuses memory: give it room.
		run_capture "$out/run.txt" "$img" -m 256M
		rc=$?
		uktest_collect "$out/run.txt" "linuxu-$be" ||
			fail "uktest_alloc_$be.summary" "no uktest summary line: the image stopped early"
		check "uktest_alloc_$be.status" test "$rc" -eq 0
		check "uktest_alloc_$be.suite" grep -q "result suite=ukalloc$be " "$out/run.txt"
		# The same image on kvm (QEMU, TCG), same memory.
		img=$out/helloworld_kvm-x86_64
		run_capture "$out/run-kvm.txt" "$KILN_ROOT/support/scripts/run" \
			--plat kvm --image "$img" --accel tcg --mem 256M
		rc=$?
		uktest_collect "$out/run-kvm.txt" "kvm-$be" ||
			fail "uktest_alloc_kvm_$be.summary" "no uktest summary line: the image stopped early"
		check "uktest_alloc_kvm_$be.status" test "$rc" -eq 0
		check "uktest_alloc_kvm_$be.suite" grep -q "result suite=ukalloc$be " "$out/run-kvm.txt"
	done
}

# The same image tests on kvm, under QEMU (TCG).
test_uktest_kvm() {
	local out img rc
	out=$(tbuild)
	# shellcheck disable=SC2086
	build_app apps/helloworld "$out" LIBUKTEST=y LIBUKTEST_ALL=y LIBUKTEST_AUTORUN=y \
		$uktest_core_libs ||
		{ fail uktest_kvm "build failed"; return; }
	img=$out/helloworld_kvm-x86_64
	run_capture "$out/run.txt" "$KILN_ROOT/support/scripts/run" --plat kvm \
		--image "$img" --accel tcg -- after tests
	rc=$?
	uktest_collect "$out/run.txt" kvm || fail uktest_kvm.summary "no uktest summary line: the image stopped early"
	check uktest_kvm.main_ran grep -qx 'Hello world!' "$out/run.txt"
	check uktest_kvm.status test "$rc" -eq 0
	for suite in nolibc ukargparse ukboot ukparam ukalloc ukalloctlsf uksched \
		ukschedcoop uklock uktime x86_64arch kvmplat; do
		check "uktest_kvm.suite_$suite" grep -q "result suite=$suite " "$out/run.txt"
	done
	# A CPU without a local APIC (QEMU hides it): device lines through
	# the PICs, the PIT as the timer; every suite again, sleeps included.
	KILN_QEMU_EXTRA="-cpu max,-apic" run_capture "$out/run-nolapic.txt" \
		"$KILN_ROOT/support/scripts/run" --plat kvm --image "$img" \
		--accel tcg -- after tests
	rc=$?
	uktest_collect "$out/run-nolapic.txt" kvm-nolapic || fail uktest_kvm_nolapic.summary "no uktest summary line: the image stopped early"
	check uktest_kvm_nolapic.status test "$rc" -eq 0
	check uktest_kvm_nolapic.suite_kvmplat grep -q "result suite=kvmplat " "$out/run-nolapic.txt"
}

# Link-time optimisation must not lose a linker-section entry (init table,
# test table) nor change behaviour: the whole uktest image, both platforms.
test_uktest_lto() {
	local out rc
	out=$(tbuild)
	# shellcheck disable=SC2086
	build_app apps/helloworld "$out" LIBUKTEST=y LIBUKTEST_ALL=y \
		LIBUKTEST_AUTORUN=y $uktest_core_libs OPTIMIZE_LTO=y ||
		{ fail uktest_lto "build failed"; return; }
	check uktest_lto.config grep -qx 'CONFIG_OPTIMIZE_LTO=y' "$out/helloworld/.config"
	run_capture "$out/run.txt" "$out/helloworld_linuxu-x86_64"
	rc=$?
	uktest_collect "$out/run.txt" linuxu-lto || fail uktest_lto.summary "no uktest summary line"
	check uktest_lto.status test "$rc" -eq 0
	run_capture "$out/run-kvm.txt" "$KILN_ROOT/support/scripts/run" --plat kvm \
		--image "$out/helloworld_kvm-x86_64" --accel tcg
	rc=$?
	uktest_collect "$out/run-kvm.txt" kvm-lto || fail uktest_lto_kvm.summary "no uktest summary line"
	check uktest_lto_kvm.status test "$rc" -eq 0
}
