# The kvm boot matrix (tests/matrix/run): images x firmware x machines x
# boot protocols x CPUs x memory x command lines x disks x devices, each
# configuration with the status and output it must give. A subset runs in
# every make test; the whole matrix (about 100 boots) with
# `make test T=matrix`.

# kh_matrix NAME MODE: run the matrix on the images the other tests
# build (once), one result per configuration.
kh_matrix() {
	local name=$1 mode=$2 out res st secs reason rc
	out=$(tbuild)
	kvm_build apps/helloworld && blk_build && net_build >/dev/null &&
		KILN_MATRIX_UKTEST=$(kh_uktest) ||
		{ fail "$name" "build failed"; return; }
	KILN_MATRIX_HELLO=$(kvm_hello) \
	KILN_MATRIX_NET=$KILN_TEST_OUT/netecho/netecho_kvm-x86_64 \
	KILN_MATRIX_BLK=$(blk_out)/blkcheck_kvm-x86_64 KILN_MATRIX_UKTEST=$KILN_MATRIX_UKTEST \
		"$KILN_ROOT/tests/matrix/run" "--$mode" --out "$out"
	rc=$?
	[ -f "$out/results.csv" ] || { fail "$name" "no results (status $rc)"; return; }
	tail -n +2 "$out/results.csv" | while IFS=, read -r row res st secs reason; do
		if [ "$res" = PASS ]; then
			pass "$name.$row"
		else
			fail "$name.$row" "$reason (log: $out/logs/$row.txt)"
		fi
	done
}

# The subset: each image on pc and microvm, isapc, PVH under SeaBIOS, no
# local APIC (-smp 1 and 2), an old CPU model, 5 GiB of RAM, a 3 TiB disk,
# 8 disks, a command line with quotes, a file that is not an image.
test_kvm_boot_subset() {
	kh_matrix kvm_boot_subset quick
}

# The whole matrix, only when asked for (make test T=matrix): it takes
# about 15 minutes on two loaded cores.
test_matrix() {
	if [ -z "${KILN_TEST_ONLY:-}" ]; then
		skip matrix "the whole boot matrix runs only with make test T=matrix (about 15 min)"
		return
	fi
	kh_matrix matrix full
}
