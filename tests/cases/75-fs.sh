# The file layer: tests/apps/fstest's checks (every file call and errno,
# ENOSPC, poll/select/epoll, threads) on linuxu and kvm pc/microvm, each
# check one test; and the randomized differential test against the
# host's Linux (tests/apps/fstest/fsdiff), each seed one test. Many more
# seeds: tests/apps/fstest/fsdiff --image IMAGE 1-1000 (README there).

fs_out() { echo "$KILN_TEST_OUT/fs-build"; }
fs_build() { build_once "$(fs_out)" tests/apps/fstest; }

# fs_run OUTFILE PLAT MACHINE ARGS...: boot fstest with ARGS.
fs_run() {
	local out=$1 plat=$2 machine=$3
	shift 3
	if [ "$plat" = linuxu ]; then
		run_capture "$out" "$KILN_ROOT/support/scripts/run" --plat linuxu \
			--image "$(fs_out)/fstest_linuxu-x86_64" -- "$@"
	else
		run_capture "$out" "$KILN_ROOT/support/scripts/run" --plat kvm \
			--image "$(fs_out)/fstest_kvm-x86_64" --accel tcg \
			--machine "$machine" -- "$@"
	fi
}

# fs_collect LOG PREFIX: one result per "fstest: PASS|FAIL name" line.
fs_collect() {
	local log=$1 prefix=$2 verdict name why
	tr -d '\r' <"$log" | sed -n 's/^fstest: \(PASS\|FAIL\) //p' >"$log.checks"
	tr -d '\r' <"$log" | grep '^fstest: \(PASS\|FAIL\) ' |
		while read -r _ verdict name why; do
			name=${name%:}
			if [ "$verdict" = PASS ]; then
				pass "$prefix.$name"
			else
				fail "$prefix.$name" "$why"
			fi
		done
}

# fs_check_test PLAT [MACHINE]: fstest check on a ramfs folder.
fs_check_test() {
	local plat=$1 machine=${2:-pc} name out rc
	name=fs_$plat
	[ "$plat" = kvm ] && name=fs_${plat}_$machine
	fs_build || { fail "$name" "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	fs_run "$out/check.txt" "$plat" "$machine" check /tmp/fstest
	rc=$?
	fs_collect "$out/check.txt" "$name"
	check "$name.status" test "$rc" -eq 0
	# The image ran to the end (a crash would leave checks unreported).
	check "$name.finished" grep -q '^fstest: 0 failed' "$out/check.txt"
	check "$name.all_checks" test "$(grep -c '^fstest: PASS' "$out/check.txt")" -ge 210
}

test_fs_check_linuxu() { fs_check_test linuxu; }
test_fs_check_kvm_pc() { fs_check_test kvm pc; }
test_fs_check_kvm_microvm() { fs_check_test kvm microvm; }

# A failing check is reported and makes the exit status 1; a bad mode 2.
test_fs_check_status() {
	local out img
	fs_build || { fail fs_check_status "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	img=$(fs_out)/fstest_linuxu-x86_64
	# /dev is devfs: creating the test folders there fails cleanly.
	run_capture "$out/devfs.txt" "$img" check /dev/fstest
	check fs_check_status.unusable_dir test $? -eq 2
	check fs_check_status.unusable_message grep -q '^fstest: cannot create /dev/fstest' "$out/devfs.txt"
	run_capture "$out/usage.txt" "$img" frobnicate
	check fs_check_status.usage test $? -eq 2
	run_capture "$out/group.txt" "$img" check /tmp/g errors
	check fs_check_status.one_group test $? -eq 0
	check fs_check_status.only_that_group sh -c "! grep -q 'PASS files\.' '$out/group.txt' && grep -q 'PASS errno\.EXDEV' '$out/group.txt'"
}

# fs_diff_test NAME PLAT MACHINE SEEDS...: fsdiff, one result per seed.
fs_diff_test() {
	local name=$1 plat=$2 machine=$3 out seed line
	shift 3
	fs_build || { fail "$name" "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	"$KILN_ROOT/tests/apps/fstest/fsdiff" --plat "$plat" --machine "$machine" \
		--image "$(fs_out)/fstest_${plat}-x86_64" --keep "$out/work" \
		"$@" >"$out/fsdiff.txt" 2>&1
	cat "$out/fsdiff.txt"
	for seed in "$@"; do
		line=$(grep "^fsdiff: seed $seed:" "$out/fsdiff.txt")
		if echo "$line" | grep -q 'steps identical$'; then
			pass "$name.seed_$seed"
		else
			fail "$name.seed_$seed" "$(grep -A2 "^fsdiff: seed $seed:" "$out/fsdiff.txt" | tr '\n' ' ')"
		fi
	done
	# Not vacuous: every step ran, with successes and failures both.
	seed=$1
	check "$name.steps_ran" grep -q '^R 1999 ' "$out/work/host.$seed"
	check "$name.successes" test "$(grep -c ' = [0-9]' "$out/work/host.$seed")" -ge 300
	check "$name.failures" test "$(grep -c ' = -1 e' "$out/work/host.$seed")" -ge 300
	check "$name.errnos" test "$(grep -o ' = -1 e[0-9]*$' "$out/work/host.$seed" | sort -u | wc -l)" -ge 8
}

test_fs_diff_linuxu() { fs_diff_test fs_diff_linuxu linuxu pc 1 2 3 4 5 6; }
test_fs_diff_kvm_pc() { fs_diff_test fs_diff_kvm_pc kvm pc 7 8; }
test_fs_diff_kvm_microvm() { fs_diff_test fs_diff_kvm_microvm kvm microvm 9; }
